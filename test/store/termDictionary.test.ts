// The dictionary must give every distinct key one id, find it again after
// any amount of growth, and give the key back byte for byte.
import { describe, expect, it } from 'vitest';
import { TermDictionary } from '../../src/store/termDictionary.js';

const keyOf = (i: number): string =>
  i % 7 === 0 ? `"literal ${i} ünï ✓"@en` : i % 5 === 0 ? `_:b${i}` : `https://w3id.org/iot-setup/generated/${i.toString(36)}`;

describe('TermDictionary', () => {
  it('interns 100 000 keys, finds each again and gives it back', () => {
    const dictionary = new TermDictionary();
    const n = 100_000;
    for (let i = 0; i < n; i++) expect(dictionary.intern(keyOf(i))).toBe(i);
    expect(dictionary.size).toBe(n);
    for (let i = 0; i < n; i++) {
      if (dictionary.find(keyOf(i)) !== i) throw new Error(`find ${keyOf(i)}`);
      if (dictionary.intern(keyOf(i)) !== i) throw new Error(`intern ${keyOf(i)}`);
      if (dictionary.key(i) !== keyOf(i)) throw new Error(`key ${i}`);
    }
    expect(dictionary.size).toBe(n);
    expect(dictionary.find('https://w3id.org/iot-setup/none')).toBe(-1);
  });

  it('tells keys apart that differ only past ASCII or by length', () => {
    const dictionary = new TermDictionary();
    const keys = ['"é"', '"e"', '"é"@fr', '', 'a', 'ab', '"\u{1F600}"'];
    const ids = keys.map((k) => dictionary.intern(k));
    expect(new Set(ids).size).toBe(keys.length);
    keys.forEach((k, i) => expect(dictionary.key(ids[i]!)).toBe(k));
  });

  it('is read-only once frozen, and readable from the shared buffers', () => {
    const dictionary = new TermDictionary();
    for (let i = 0; i < 5000; i++) dictionary.intern(keyOf(i));
    const shared = dictionary.freeze();
    expect(() => dictionary.intern('new')).toThrow(/read-only/);
    expect(dictionary.intern(keyOf(42))).toBe(42);
    const attached = new TermDictionary(shared);
    expect(attached.find(keyOf(4999))).toBe(4999);
    expect(attached.key(7)).toBe(keyOf(7));
    expect(attached.find('new')).toBe(-1);
  });
});
