import { numsAttr, type Attrs } from '../attrs';
import { IrError } from '../ir-error';
import type { OpDef } from '../op-def';
import { normalizeAxis, type Dim, type Shape } from '../shape';
import type { Value } from '../value';
import { concat } from './concat';
import { expand } from './expand';
import { apply, scalar } from './op-kit';

/** One sliced axis after ONNX clamping: first index, step, and length. */
export interface SliceRange { readonly axis: number; readonly start: number; readonly step: number; readonly length: number }

const BIG = 2 ** 31 - 1;

/** ONNX Slice index arithmetic for a static dim. */
export function sliceRange(dim: number, start: number, end: number, step: number, axis: number): SliceRange {
  const s0 = start < 0 ? start + dim : start;
  const e0 = end < 0 ? end + dim : end;
  const s = step > 0 ? Math.min(Math.max(s0, 0), dim) : Math.min(Math.max(s0, 0), dim - 1);
  const e = step > 0 ? Math.min(Math.max(e0, 0), dim) : Math.min(Math.max(e0, -1), dim - 1);
  return { axis, start: s, step, length: Math.max(0, Math.ceil((e - s) / step)) };
}

/** Per-axis ranges; a symbolic dim may only be taken whole (start 0, end >= dim, step 1). */
export function sliceRanges(shape: Shape, attrs: Attrs, where: string): (SliceRange | { axis: number; whole: Dim })[] {
  const starts = numsAttr(attrs, 'starts');
  const ends = numsAttr(attrs, 'ends');
  const axes = attrs.axes === undefined ? starts.map((_, i) => i) : numsAttr(attrs, 'axes');
  const steps = attrs.steps === undefined ? starts.map(() => 1) : numsAttr(attrs, 'steps');
  if (ends.length !== starts.length || axes.length !== starts.length || steps.length !== starts.length) {
    throw new IrError(`${where}: starts/ends/axes/steps lengths differ`, 'Give one entry per sliced axis.');
  }
  return starts.map((start, i) => {
    const axis = normalizeAxis(axes[i], shape.length, where);
    const dim = shape[axis];
    if (steps[i] === 0) throw new IrError(`${where}: step 0`, 'Steps must be non-zero.');
    if (typeof dim === 'number') return sliceRange(dim, start, ends[i], steps[i], axis);
    if (start === 0 && ends[i] >= BIG && steps[i] === 1) return { axis, whole: dim };
    throw new IrError(`${where}: cannot slice symbolic dim '${dim}' at [${start}:${ends[i]}:${steps[i]}]`, 'Bind dims first, or slice a static axis.');
  });
}

/** ONNX Slice with static starts/ends/axes/steps attributes. Gradient only for step 1. */
export const Slice: OpDef = {
  name: 'Slice',
  summary: 'x[starts:ends:steps] on attr axes',
  arity: 1,
  infer([x], attrs, where) {
    const shape = [...x.shape];
    for (const r of sliceRanges(x.shape, attrs, where)) shape[r.axis] = 'whole' in r ? r.whole : r.length;
    return { dtype: x.dtype, shape };
  },
  grad({ inputs: [x], attrs, dy }) {
    let g = dy;
    for (const r of sliceRanges(x.shape, attrs, 'Slice gradient')) {
      if ('whole' in r) continue;
      if (r.step !== 1) throw new IrError(`Slice gradient: step ${r.step} on axis ${r.axis} is not supported`, 'Use step 1 in differentiated slices.');
      const dim = x.shape[r.axis] as number;
      const zeros = (n: number) => expand(scalar(g, 0), g.shape.map((d, i) => (i === r.axis ? n : d)));
      const parts = [r.start > 0 ? zeros(r.start) : undefined, g, dim - r.start - r.length > 0 ? zeros(dim - r.start - r.length) : undefined];
      g = concat(parts.filter((p): p is Value => p !== undefined), r.axis);
    }
    return [g];
  },
};

export function slice(x: Value, starts: readonly number[], ends: readonly number[], axes?: readonly number[], steps?: readonly number[]): Value {
  return apply('Slice', [x], { starts: [...starts], ends: [...ends], axes: axes && [...axes], steps: steps && [...steps] });
}
