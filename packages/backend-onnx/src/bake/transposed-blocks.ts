/** Bytes per output block: small enough to stay a transient, large enough for few writes. */
const BLOCK_BYTES = 4 * 2 ** 20;
/** Source rows read per pass over an output block (keeps the strided reads in cache). */
const TILE_ROWS = 64;

/** Elements as unsigned integers of their width (bigint for 8 bytes). */
interface Words {
  [index: number]: number | bigint;
  readonly buffer: ArrayBufferLike;
}

/**
 * The bytes of a row-major [rows, cols] matrix transposed to [cols, rows], yielded in blocks of
 * whole output rows (one reused buffer: consume each block before asking for the next). Elements
 * are moved as integers of their width, so every bit pattern (NaN payloads included) survives.
 */
export function* transposedBlocks(bytes: Uint8Array, rows: number, cols: number): Generator<Uint8Array> {
  const count = rows * cols;
  if (count === 0) return;
  if (bytes.byteLength % count !== 0) throw new Error(`transposedBlocks: ${bytes.byteLength} bytes are not ${rows}×${cols} elements`);
  const width = bytes.byteLength / count;
  const source = words(bytes, width);
  const blockCols = Math.max(1, Math.floor(BLOCK_BYTES / (rows * width)));
  const block = words(new Uint8Array(Math.min(cols, blockCols) * rows * width), width);
  for (let c0 = 0; c0 < cols; c0 += blockCols) {
    const c1 = Math.min(cols, c0 + blockCols);
    for (let r0 = 0; r0 < rows; r0 += TILE_ROWS) {
      const r1 = Math.min(rows, r0 + TILE_ROWS);
      for (let c = c0; c < c1; c++) {
        let to = (c - c0) * rows + r0;
        for (let from = r0 * cols + c; from < r1 * cols; from += cols) block[to++] = source[from]!;
      }
    }
    yield new Uint8Array(block.buffer, 0, (c1 - c0) * rows * width);
  }
}

/** A view of the bytes as integers of `width` bytes (copied first when misaligned for that width). */
function words(bytes: Uint8Array, width: number): Words {
  const aligned = bytes.byteOffset % width === 0 ? bytes : bytes.slice();
  const length = aligned.byteLength / width;
  switch (width) {
    case 1: return aligned;
    case 2: return new Uint16Array(aligned.buffer, aligned.byteOffset, length);
    case 4: return new Uint32Array(aligned.buffer, aligned.byteOffset, length);
    case 8: return new BigUint64Array(aligned.buffer, aligned.byteOffset, length);
    default: throw new Error(`transposedBlocks: unsupported element width ${width}`);
  }
}
