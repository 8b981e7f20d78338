import { IrError } from '../ir-error';
import { expand } from '../ops/expand';
import { reduceSum } from '../ops/reduce-sum';
import { reshape } from '../ops/reshape';
import { shapeEquals, showShape, type Shape } from '../shape';
import type { Value } from '../value';

/** Sums a broadcast gradient back to an operand's shape (the adjoint of broadcasting). */
export function sumToShape(g: Value, shape: Shape): Value {
  if (shapeEquals(g.shape, shape)) return g;
  const lead = g.rank - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < g.rank; i++) {
    const target = i < lead ? 1 : shape[i - lead];
    if (target === 1 && g.shape[i] !== 1) axes.push(i);
    else if (target !== g.shape[i] && g.shape[i] !== 1) {
      throw new IrError(`autodiff: gradient of shape ${showShape(g.shape)} does not reduce to ${showShape(shape)}`, 'A gradient rule returned a wrongly shaped value; report this as a bug.');
    }
  }
  const summed = axes.length > 0 ? reduceSum(g, axes, true) : g;
  const reshaped = lead > 0 || !shapeEquals(summed.shape, shape) ? reshape(summed, keepUnitDims(summed.shape.slice(lead), shape)) : summed;
  return shapeEquals(reshaped.shape, shape) ? reshaped : expand(reshaped, shape);
}

/** Target shape for the reshape: the operand's dims where the summed gradient already matches, else 1. */
function keepUnitDims(summed: Shape, shape: Shape): Shape {
  return shape.map((d, i) => (summed[i] === d ? d : 1));
}
