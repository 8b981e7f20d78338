import type { Tensor, Tf } from '../engine/tf-module';

/**
 * log_softmax(logits)[..., ids] without a one-hot: rows are flattened to [n, V] and the picked
 * entries gathered at row * V + id. ids must be int32 in [0, V).
 */
export function pickLogProbs(tf: Tf, logits: Tensor, ids: Tensor): Tensor {
  const vocab = logits.shape[logits.rank - 1];
  const rows = ids.size;
  const logProbs = tf.reshape(tf.logSoftmax(tf.reshape(logits, [rows, vocab])), [rows * vocab]);
  const flat = tf.add(tf.mul(tf.range(0, rows, 1, 'int32'), tf.scalar(vocab, 'int32')), tf.reshape(ids, [rows]));
  return tf.reshape(tf.gather(logProbs, flat), ids.shape);
}
