import { transposedBlocks } from './transposed-blocks';

/** The textbook transpose, element by element, for comparison. */
function naiveTranspose<T extends Uint8Array | Uint16Array | Uint32Array>(data: T, rows: number, cols: number, make: (n: number) => T): T {
  const out = make(rows * cols);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c]!;
  return out;
}

function joined(blocks: Iterable<Uint8Array>): Uint8Array {
  const copies: Uint8Array[] = [];
  for (const b of blocks) copies.push(b.slice()); // copied before the next: the generator reuses its buffer
  const out = new Uint8Array(copies.reduce((n, b) => n + b.byteLength, 0));
  let at = 0;
  for (const b of copies) { out.set(b, at); at += b.byteLength; }
  return out;
}

describe(transposedBlocks.name, () => {
  it('transposes a 2×3 float32 matrix as worked out by hand', () => {
    const m = Float32Array.from([1, 2, 3, 4, 5, 6]); // [[1,2,3],[4,5,6]]
    const out = joined(transposedBlocks(new Uint8Array(m.buffer), 2, 3));
    expect(Array.from(new Float32Array(out.buffer))).toEqual([1, 4, 2, 5, 3, 6]);
  });

  it('keeps every bit pattern, NaN payloads included', () => {
    const bits = Uint32Array.from([0x7fa00001, 0xffc00123, 0x00000001, 0x80000000, 0x7f800000, 0x3f800000]);
    const out = joined(transposedBlocks(new Uint8Array(bits.buffer), 3, 2));
    expect(Array.from(new Uint32Array(out.buffer))).toEqual(Array.from(naiveTranspose(bits, 3, 2, (n) => new Uint32Array(n))));
  });

  it.each([[1, 'uint8'], [2, 'uint16'], [4, 'uint32']] as const)('matches the naive transpose for %i-byte elements over several output blocks', (width) => {
    // 1100 × 1030 × 4 bytes > the 4 MiB block, so the uint32 case spans blocks (and tiles of 64 rows end mid-way)
    const rows = 1100;
    const cols = 1030;
    const make = (n: number) => (width === 1 ? new Uint8Array(n) : width === 2 ? new Uint16Array(n) : new Uint32Array(n));
    const data = make(rows * cols);
    for (let i = 0; i < data.length; i++) data[i] = (i * 2654435761) >>> (width === 4 ? 0 : 16);
    const bytes = new Uint8Array(data.buffer);
    const blocks = [...transposedBlocks(bytes, rows, cols)].length;
    if (width === 4) expect(blocks).toBeGreaterThan(1);
    const expected = new Uint8Array(naiveTranspose(data, rows, cols, make).buffer);
    expect(Buffer.compare(joined(transposedBlocks(bytes, rows, cols)), expected)).toBe(0);
  });

  it('reads a view at an offset of a larger buffer', () => {
    const whole = new Uint16Array(10);
    whole.set([1, 2, 3, 4, 5, 6], 2);
    const view = new Uint8Array(whole.buffer, 4, 12);
    const out = joined(transposedBlocks(view, 3, 2));
    expect(Array.from(new Uint16Array(out.buffer))).toEqual([1, 3, 5, 2, 4, 6]);
  });

  it('refuses bytes that are not rows × cols elements', () => {
    expect(() => [...transposedBlocks(new Uint8Array(10), 3, 3)]).toThrow(/10 bytes are not 3×3 elements/);
  });
});
