import { numsAttr, type Attrs } from '../attrs';
import type { OpDef } from '../op-def';
import { normalizeAxis, type Dim, type Shape } from '../shape';
import type { Value, ValueType } from '../value';
import { expand } from './expand';
import { apply } from './op-kit';
import { reshape } from './reshape';

/** Reduced axes, sorted; missing or empty `axes` means all axes (ONNX noop_with_empty_axes = 0). */
export function reducedAxes(attrs: Attrs, rank: number, where: string): number[] {
  const axes = attrs.axes === undefined ? [] : numsAttr(attrs, 'axes');
  const list = axes.length === 0 ? Array.from({ length: rank }, (_, i) => i) : axes.map((a) => normalizeAxis(a, rank, where));
  return [...new Set(list)].sort((a, b) => a - b);
}

export function keepsDims(attrs: Attrs): boolean {
  return attrs.keepdims === undefined ? true : Boolean(attrs.keepdims);
}

/** The shape with reduced axes set to 1. */
export function keptShape(shape: Shape, axes: readonly number[]): Dim[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}

export function reduceOp(name: string, summary: string, grad: OpDef['grad']): OpDef {
  return {
    name,
    summary,
    arity: 1,
    infer([x]: readonly ValueType[], attrs, where) {
      const axes = reducedAxes(attrs, x.shape.length, where);
      const shape = keepsDims(attrs) ? keptShape(x.shape, axes) : x.shape.filter((_, i) => !axes.includes(i));
      return { dtype: x.dtype, shape };
    },
    grad,
  };
}

/** Broadcasts a reduction's output (or its gradient) back over the input's shape. */
export function spreadBack(v: Value, x: Value, attrs: Attrs): Value {
  const axes = reducedAxes(attrs, x.rank, 'reduce gradient');
  return expand(reshape(v, keptShape(x.shape, axes)), x.shape);
}

export function reduce(op: string, x: Value, axes?: readonly number[], keepdims = true): Value {
  return apply(op, [x], { axes: axes ? [...axes] : [], keepdims: keepdims ? 1 : 0 });
}
