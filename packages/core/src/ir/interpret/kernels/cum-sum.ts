import { numAttr } from '../../attrs';
import { laneKernel } from './softmax-kit';
import type { RefKernel } from '../kernel';

/** ONNX CumSum: inclusive or exclusive, forward or reverse, along `axis`. */
export const CumSumKernel: RefKernel = (inputs, attrs, out) => {
  const exclusive = numAttr(attrs, 'exclusive', 0) === 1;
  const reverse = numAttr(attrs, 'reverse', 0) === 1;
  return laneKernel((lane) => {
    const result = new Float64Array(lane.length);
    let acc = 0;
    for (let j = 0; j < lane.length; j++) {
      const d = reverse ? lane.length - 1 - j : j;
      if (exclusive) result[d] = acc;
      acc += lane[d];
      if (!exclusive) result[d] = acc;
    }
    return result;
  })(inputs, { axis: attrs.axis }, out);
};
