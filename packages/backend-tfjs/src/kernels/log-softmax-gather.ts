import { pickLogProbs } from './pick-log-probs';
import type { TfjsKernel } from './tfjs-kernel';

/** Per-token log-probs: log_softmax(logits[..., V])[..., ids]. */
export const logSoftmaxGatherKernel: TfjsKernel = {
  op: 'LogSoftmaxGather',
  run: ({ tf, inputs: [logits, ids] }) => pickLogProbs(tf, logits, ids),
};
