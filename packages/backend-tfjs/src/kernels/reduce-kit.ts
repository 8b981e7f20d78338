import { normalizeAxis, numsAttr, type Attrs } from '@okapi/core';
import type { Tensor, Tf } from '../engine/tf-module';
import type { TfjsKernel } from './tfjs-kernel';

/** Reduced axes as the IR defines them: missing or empty `axes` means every axis. */
function reducedAxes(attrs: Attrs, rank: number, where: string): number[] {
  const axes = attrs.axes === undefined ? [] : numsAttr(attrs, 'axes');
  const list = axes.length === 0 ? Array.from({ length: rank }, (_, i) => i) : axes.map((a) => normalizeAxis(a, rank, where));
  return [...new Set(list)].sort((a, b) => a - b);
}

/** A reduction kernel; reducing no axes (a scalar input) is the identity. The output shape comes from the plan. */
export function reduceKernel(op: string, fn: (tf: Tf, x: Tensor, axes: number[]) => Tensor): TfjsKernel {
  return {
    op,
    run({ tf, inputs: [x], step }) {
      const axes = reducedAxes(step.attrs, x.rank, `${op} kernel`);
      const y = axes.length === 0 ? x : fn(tf, x, axes);
      return tf.reshape(y, [...step.output.shape]);
    },
  };
}
