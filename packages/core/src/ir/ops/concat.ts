import { numAttr } from '../attrs';
import { IrError } from '../ir-error';
import type { OpDef } from '../op-def';
import { addDims, showShape, normalizeAxis, type Dim } from '../shape';
import type { Value } from '../value';
import { apply, requireSameDType } from './op-kit';

/** ONNX Concat. A symbolic joined axis gives a sum dim: [b, 'past'] ++ [b, 'seq'] → [b, 'past+seq']. */
export const Concat: OpDef = {
  name: 'Concat',
  summary: 'join along attr axis',
  arity: 'variadic',
  infer(inputs, attrs, where) {
    if (inputs.length === 0) throw new IrError(`${where}: needs at least one input`, 'Pass the tensors to join.');
    const dtype = requireSameDType(inputs, where);
    const rank = inputs[0].shape.length;
    const axis = normalizeAxis(numAttr(attrs, 'axis'), rank, where);
    const joined: Dim[] = [];
    for (const v of inputs) {
      const ok = v.shape.length === rank && v.shape.every((d, i) => i === axis || d === inputs[0].shape[i]);
      if (!ok) throw new IrError(`${where}: shapes ${inputs.map((i) => showShape(i.shape)).join(', ')} differ off axis ${axis}`, 'Only the joined axis may differ.');
      joined.push(v.shape[axis]);
    }
    const total = addDims(...joined);
    return { dtype, shape: inputs[0].shape.map((d, i) => (i === axis ? total : d)) };
  },
  grad({ inputs, attrs, dy, wants }) {
    const axis = normalizeAxis(numAttr(attrs, 'axis'), dy.rank, 'Concat gradient');
    let start = 0;
    return inputs.map((v, i) => {
      const size = v.shape[axis];
      if (typeof size !== 'number') throw new IrError(`Concat gradient: joined axis ${axis} is symbolic ('${size}')`, 'Differentiate a graph whose concatenated axis is static, or bind dims first.');
      const piece = wants[i] ? apply('Slice', [dy], { starts: [start], ends: [start + size], axes: [axis] }) : undefined;
      start += size;
      return piece;
    });
  },
};
export const concat = (inputs: readonly Value[], axis: number) => (inputs.length === 1 ? inputs[0] : apply('Concat', inputs, { axis }));
