import type { Tensor, Tf } from '../engine/tf-module';
import type { TfjsKernel } from './tfjs-kernel';

const count = (dims: readonly number[]) => dims.reduce((p, d) => p * d, 1);
const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

/**
 * Batched matmul. The plan may have folded a last-two-dim Transpose into a transpose flag (never
 * on wasm, whose transposed path is slow). tfjs broadcasts batch dims only when they match or one
 * side has a single batch, so other broadcasts are expanded first.
 */
export const matMulKernel: TfjsKernel = {
  op: 'MatMul',
  run({ tf, inputs: [a, b], step }) {
    const [ta, tb] = step.transposed ?? [false, false];
    const batch = step.output.shape.slice(0, -2);
    const [a2, b2] = broadcastBatches(tf, a, b, batch);
    return tf.reshape(tf.matMul(a2, b2, ta, tb), [...step.output.shape]);
  },
};

function broadcastBatches(tf: Tf, a: Tensor, b: Tensor, batch: readonly number[]): [Tensor, Tensor] {
  const batchA = a.shape.slice(0, -2);
  const batchB = b.shape.slice(0, -2);
  if (same(batchA, batchB) || count(batchA) === 1 || count(batchB) === 1) return [a, b];
  return [tf.broadcastTo(a, [...batch, ...a.shape.slice(-2)]), tf.broadcastTo(b, [...batch, ...b.shape.slice(-2)])];
}
