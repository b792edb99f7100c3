// A small seeded PRNG (mulberry32) for the fuzz tests: a fixed seed gives the
// same cases on every run, so a failure can be replayed by its case number.
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

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
