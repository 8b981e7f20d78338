import { normalizeAxis, numAttr } from '@okapi/core';
import type { Tensor, Tf } from '../engine/tf-module';
import type { KernelContext, TfjsKernel } from './tfjs-kernel';

/** A kernel that applies one tfjs function to its inputs. */
export function simpleKernel(op: string, fn: (tf: Tf, ...inputs: Tensor[]) => Tensor): TfjsKernel {
  return { op, run: ({ tf, inputs }) => fn(tf, ...inputs) };
}

/** The step's `axis` attribute normalized against the first input's rank. */
export function axisOf(ctx: KernelContext, fallback?: number): number {
  const rank = ctx.step.inputs[0].shape.length;
  return normalizeAxis(numAttr(ctx.step.attrs, 'axis', fallback), rank, `${ctx.step.op} kernel`);
}

/** Moves `axis` last (perm) and back (inverse), for tfjs ops that only work on the last axis. */
export function lastAxisPerm(rank: number, axis: number): { perm: number[]; inverse: number[] } {
  const perm = [...Array.from({ length: rank }, (_, i) => i).filter((i) => i !== axis), axis];
  const inverse = new Array<number>(rank);
  perm.forEach((p, i) => (inverse[p] = i));
  return { perm, inverse };
}

/** Runs a last-axis-only tfjs op along any axis. */
export function alongAxis(tf: Tf, x: Tensor, axis: number, fn: (t: Tensor) => Tensor): Tensor {
  if (axis === x.rank - 1) return fn(x);
  const { perm, inverse } = lastAxisPerm(x.rank, axis);
  return tf.transpose(fn(tf.transpose(x, perm)), inverse);
}

/** Replaces negative indices by index + size (ONNX Gather semantics). */
export function wrapNegative(tf: Tf, indices: Tensor, size: number): Tensor {
  return tf.where(tf.less(indices, 0), tf.add(indices, tf.scalar(size, 'int32')), indices);
}
