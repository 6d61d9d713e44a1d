import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '../../src/shared/base64';

describe('base64', () => {
  it('gives back the same bytes, across slice boundaries', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 0x8000 * 2 + 7 }), (bytes) => {
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      }),
      { numRuns: 40 },
    );
  });

  it('writes the standard alphabet with padding', () => {
    expect(toBase64(new Uint8Array([0xfb, 0xff]))).toBe('+/8=');
    expect(Array.from(fromBase64('+/8='))).toEqual([0xfb, 0xff]);
  });
});
