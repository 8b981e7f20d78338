import { numAttr } from '@okapi/core';
import { pickLogProbs } from './pick-log-probs';
import type { TfjsKernel } from './tfjs-kernel';

/** Mean -log p(target) over targets != ignoreIndex (NaN when all are ignored, as torch). */
export const crossEntropyKernel: TfjsKernel = {
  op: 'CrossEntropy',
  run({ tf, inputs: [logits, targets], step }) {
    const valid = tf.notEqual(targets, tf.scalar(numAttr(step.attrs, 'ignoreIndex', -100), 'int32'));
    const safe = tf.where(valid, targets, tf.zerosLike(targets));
    const picked = tf.where(valid, pickLogProbs(tf, logits, safe), tf.scalar(0, 'float32'));
    return tf.neg(tf.div(tf.sum(picked), tf.sum(tf.cast(valid, 'float32'))));
  },
};
