import type { Tensor, Tf } from '../engine/tf-module';
import type { TfjsKernel } from './tfjs-kernel';

/**
 * Rows from which one XNNPACK matmul per batch entry beats tfjs wasm's naive batched loop: each
 * entry re-packs its right operand, which only pays off for tall left operands (prefill attention).
 */
const minRowsPerEntry = 256;

const count = (dims: readonly number[]) => dims.reduce((p, d) => p * d, 1);
const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

/**
 * Batched matmul. The plan may have folded a last-two-dim Transpose into a transpose flag (never
 * on wasm, whose transposed path is slow). tfjs wasm uses XNNPACK only for unbatched, untransposed
 * operands and a naive loop otherwise, so x[..., m, k] @ W[k, n] runs as one 2-D matmul over all
 * rows, and on such engines two batched operands run as one 2-D matmul per batch entry.
 * tfjs broadcasts batch dims only when they match or one side has a single batch, so other
 * broadcasts are expanded first.
 */
export const matMulKernel: TfjsKernel = {
  op: 'MatMul',
  run({ tf, inputs: [a, b], step, engine }) {
    const [ta, tb] = step.transposed ?? [false, false];
    const out = [...step.output.shape];
    if (!ta && count(b.shape.slice(0, -2)) === 1) return tf.reshape(rowsTimesMatrix(tf, a, b, tb), out);
    const [a2, b2] = broadcastBatches(tf, a, b, out.slice(0, -2));
    if (engine.slowBatchedMatMul && !ta && !tb && a.shape[a.rank - 2] >= minRowsPerEntry) return tf.reshape(matMulPerBatch(tf, a2, b2, out), out);
    return tf.reshape(tf.matMul(a2, b2, ta, tb), out);
  },
};

/** One 2-D matmul per batch entry (both operands batched, e.g. attention scores). */
function matMulPerBatch(tf: Tf, a: Tensor, b: Tensor, out: readonly number[]): Tensor {
  const entries = count(out.slice(0, -2));
  const flat = (t: Tensor) => tf.unstack(tf.reshape(tf.broadcastTo(t, [...out.slice(0, -2), ...t.shape.slice(-2)]), [entries, ...t.shape.slice(-2)]));
  const bs = flat(b);
  return tf.stack(flat(a).map((ai, i) => tf.matMul(ai, bs[i])));
}

/** a[..., m, k] @ b[k, n] as [rows, k] @ [k, n]. */
function rowsTimesMatrix(tf: Tf, a: Tensor, b: Tensor, transposeB: boolean): Tensor {
  const k = a.shape[a.rank - 1];
  const matrix = tf.reshape(b, b.shape.slice(-2));
  return tf.matMul(tf.reshape(a, [-1, k]), matrix, false, transposeB);
}

function broadcastBatches(tf: Tf, a: Tensor, b: Tensor, batch: readonly number[]): [Tensor, Tensor] {
  const batchA = a.shape.slice(0, -2);
  const batchB = b.shape.slice(0, -2);
  if (same(batchA, batchB) || count(batchA) === 1 || count(batchB) === 1) return [a, b];
  return [tf.broadcastTo(a, [...batch, ...a.shape.slice(-2)]), tf.broadcastTo(b, [...batch, ...b.shape.slice(-2)])];
}
