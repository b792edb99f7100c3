import { describe, expect, it } from 'vitest';
import { canonical, ttl } from './rdf.js';

describe('isomorphism helper', () => {
  it('ignores blank node labels but not content', async () => {
    const a = await canonical(ttl`ex:a ex:p [ ex:q 1 ] .`);
    const b = await canonical(ttl`_:zz ex:q 1 . ex:a ex:p _:zz .`);
    const c = await canonical(ttl`ex:a ex:p [ ex:q 2 ] .`);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });
});
