import { dimsAttr } from '../attrs';
import type { DType } from '../dtype';
import type { Graph } from '../graph';
import type { OpDef } from '../op-def';
import type { Dim } from '../shape';
import type { Value } from '../value';

/** [0, 1, …, length-1] (attrs length: Dim, dtype). ONNX: Range(0, length, 1). */
export const Iota: OpDef = {
  name: 'Iota',
  summary: '0..length-1 as a 1-D tensor (attrs length, dtype)',
  arity: 0,
  dimAttrs: ['length'],
  infer: (_inputs, attrs) => ({ dtype: attrs.dtype as DType, shape: [dimsAttr(attrs, 'length')[0]] }),
};
export const iota = (graph: Graph, length: Dim, dtype: DType = 'int64'): Value => graph.apply('Iota', [], { length: [length], dtype });
