import { bfloat16ToFloat32, float32ToBfloat16, float32ToHalf, halfToFloat32 } from './float-codecs';

describe('half precision', () => {
  it.each([
    [0x3c00, 1],
    [0xc000, -2],
    [0x7bff, 65504],
    [0x0400, 2 ** -14],
    [0x0001, 2 ** -24],
    [0x3555, 0.333251953125],
    [0x7c00, Infinity],
    [0xfc00, -Infinity],
  ])('decodes %s to %s (IEEE 754 binary16 table)', (bits, value) => {
    expect(halfToFloat32(bits)).toBe(value);
    expect(float32ToHalf(value)).toBe(bits);
  });

  it('rounds to nearest, ties to even', () => {
    expect(float32ToHalf(1 + 2 ** -11)).toBe(0x3c00); // halfway between 1 and 1+2^-10: keep even
    expect(float32ToHalf(1 + 3 * 2 ** -11)).toBe(0x3c02); // halfway, odd below: round up
    expect(float32ToHalf(1 / 3)).toBe(0x3555);
    expect(float32ToHalf(2 ** -25)).toBe(0x0000); // tie between 0 and the smallest subnormal
    expect(float32ToHalf(3 * 2 ** -26)).toBe(0x0001);
    expect(float32ToHalf(65520)).toBe(0x7c00); // rounds past the largest half
    expect(float32ToHalf(2047 * 2 ** -25)).toBe(0x0400); // subnormal carry into the first normal
  });

  it('keeps NaN and signed zero', () => {
    expect(Number.isNaN(halfToFloat32(float32ToHalf(NaN)))).toBe(true);
    expect(float32ToHalf(-0)).toBe(0x8000);
  });

  it('round-trips every finite half bit pattern exactly', () => {
    const failures: number[] = [];
    for (let bits = 0; bits < 0x10000; bits++) {
      if ((bits & 0x7c00) === 0x7c00 && (bits & 0x3ff) !== 0) continue; // NaN payloads
      if (float32ToHalf(halfToFloat32(bits)) !== bits) failures.push(bits);
    }
    expect(failures).toEqual([]);
  });
});

describe('bfloat16', () => {
  it.each([
    [0x3f80, 1],
    [0xc000, -2],
    [0x4049, 3.140625],
    [0x7f80, Infinity],
  ])('decodes %s to %s', (bits, value) => {
    expect(bfloat16ToFloat32(bits)).toBe(value);
    expect(float32ToBfloat16(value)).toBe(bits);
  });

  it('rounds to nearest, ties to even', () => {
    expect(float32ToBfloat16(Math.PI)).toBe(0x4049); // 0x40490FDB: low half below 0x8000
    expect(float32ToBfloat16(1 + 2 ** -8)).toBe(0x3f80); // tie, even below
    expect(float32ToBfloat16(1 + 3 * 2 ** -8)).toBe(0x3f82); // tie, odd below
    expect(Number.isNaN(bfloat16ToFloat32(float32ToBfloat16(NaN)))).toBe(true);
  });
});
