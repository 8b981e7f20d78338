import { numAttr } from '../attrs';
import { IrError } from '../ir-error';
import type { OpDef } from '../op-def';
import { normalizeAxis } from '../shape';
import type { Value } from '../value';
import { gatherGrad } from './gather-grad';
import { apply, intTypes } from './op-kit';

/** ONNX Gather: out = data[:axis] + indices.shape + data[axis+1:]; negative indices count from the end. */
export const Gather: OpDef = {
  name: 'Gather',
  summary: 'take along attr axis (default 0) at int indices (embedding lookup)',
  arity: 2,
  infer([data, indices], attrs, where) {
    if (!intTypes.includes(indices.dtype)) throw new IrError(`${where}: indices must be int32/int64, got ${indices.dtype}`, 'Cast the ids to int32 or int64.');
    const axis = normalizeAxis(numAttr(attrs, 'axis', 0), data.shape.length, where);
    return { dtype: data.dtype, shape: [...data.shape.slice(0, axis), ...indices.shape, ...data.shape.slice(axis + 1)] };
  },
  grad({ inputs: [data, indices], attrs, dy }) {
    const axis = normalizeAxis(numAttr(attrs, 'axis', 0), data.rank, 'Gather gradient');
    return [gatherGrad(dy, indices, axis, data.shape[axis]), undefined];
  },
};
export const gather = (data: Value, indices: Value, axis = 0) => apply('Gather', [data, indices], { axis });
