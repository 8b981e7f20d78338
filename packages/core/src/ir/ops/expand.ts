import { dimsAttr } from '../attrs';
import type { OpDef } from '../op-def';
import { broadcastShapes, type Shape } from '../shape';
import type { Value } from '../value';
import { apply } from './op-kit';

/** ONNX Expand: broadcast x against attr shape. Gradient: autodiff sums back to x's shape. */
export const Expand: OpDef = {
  name: 'Expand',
  summary: 'broadcast to attr shape (numpy rules)',
  arity: 1,
  dimAttrs: ['shape'],
  infer: ([x], attrs, where) => ({ dtype: x.dtype, shape: broadcastShapes([x.shape, dimsAttr(attrs, 'shape')], where) }),
  grad: ({ dy }) => [dy],
};
export const expand = (x: Value, shape: Shape) => apply('Expand', [x], { shape: [...shape] });
