// The fuzz tests' seeded PRNG: the shared mulberry32 generator of the
// benchmarks (same seed, same cases, so a failure replays by its case
// number) plus random code units for mutating queries and bodies.
import { Prng as SeededPrng } from '../../bench/lib/prng.js';

export class Prng extends SeededPrng {
  /** A string of random code units: ASCII, control characters, Latin-1, astral characters and lone surrogates. */
  bytes(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) {
      const kind = this.next();
      if (kind < 0.6) out += String.fromCharCode(this.int(0x20, 0x7e));
      else if (kind < 0.75) out += String.fromCharCode(this.int(0, 0x1f));
      else if (kind < 0.85) out += String.fromCharCode(this.int(0x80, 0xff));
      else if (kind < 0.95) out += String.fromCodePoint(this.int(0x100, 0x10ffff));
      else out += String.fromCharCode(this.int(0xd800, 0xdfff));
    }
    return out;
  }
}
