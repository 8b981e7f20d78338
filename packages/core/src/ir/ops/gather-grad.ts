import { dimsAttr, numAttr } from '../attrs';
import type { OpDef } from '../op-def';
import { normalizeAxis, type Dim } from '../shape';
import type { Value } from '../value';
import { apply } from './op-kit';

/**
 * Scatter-add, the adjoint of Gather: out = zeros with dim `size` at `axis`, then for every index
 * position p, out[..., indices[p], ...] += updates[..., p, ...]. ONNX: ScatterND with reduction 'add'.
 */
export const GatherGrad: OpDef = {
  name: 'GatherGrad',
  summary: 'scatter-add updates into zeros along attr axis (attr size); adjoint of Gather',
  arity: 2,
  dimAttrs: ['size'],
  infer([updates, indices], attrs, where) {
    const axis = normalizeAxis(numAttr(attrs, 'axis'), updates.shape.length - indices.shape.length + 1, where);
    const size = dimsAttr(attrs, 'size')[0];
    return { dtype: updates.dtype, shape: [...updates.shape.slice(0, axis), size, ...updates.shape.slice(axis + indices.shape.length)] };
  },
  grad: ({ inputs: [, indices], attrs, dy }) => [apply('Gather', [dy, indices], { axis: numAttr(attrs, 'axis') }), undefined],
};
export const gatherGrad = (updates: Value, indices: Value, axis: number, size: Dim) => apply('GatherGrad', [updates, indices], { axis, size: [size] });
