/** A named float32 tensor as it goes to or comes from a checkpoint (row-major, HF parameter names). */
export interface CheckpointTensor {
  readonly name: string;
  readonly shape: readonly number[];
  /** The values, or a function that produces them when the writer gets to this tensor. */
  readonly data: Float32Array | (() => Float32Array | Promise<Float32Array>);
}

export function elementCount(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
