import { numAttr } from '../../attrs';
import type { RefKernel } from '../kernel';
import { refTensor } from '../ref-tensor';
import { pickLogProbs } from './log-softmax-gather';

/** Mean of -log p(target) over targets != ignoreIndex (0/0 = NaN when all are ignored). */
export const CrossEntropyKernel: RefKernel = ([logits, targets], attrs, out) => {
  const ignore = numAttr(attrs, 'ignoreIndex', -100);
  const valid = targets.data.map((t) => (t === ignore ? 0 : t));
  const picked = pickLogProbs(logits, { ...targets, data: valid });
  let sum = 0;
  let count = 0;
  targets.data.forEach((t, i) => {
    if (t === ignore) return;
    sum -= picked[i];
    count++;
  });
  return refTensor(out.dtype, out.shape, Float64Array.of(sum / count));
};
