import { IrError } from '../ir-error';
import type { OpDef } from '../op-def';
import { broadcastShapes, showShape, shapeEquals } from '../shape';
import type { Value } from '../value';
import { add } from './add';
import { concat } from './concat';
import { mul } from './mul';
import { neg } from './neg';
import { apply, requireFloat, requireSameDType } from './op-kit';
import { slice } from './slice';

/** HF rotate_half: [x1, x2] -> [-x2, x1] on the last axis. */
export function rotateHalf(x: Value): Value {
  const half = (x.dim(-1) as number) / 2;
  return concat([neg(slice(x, [half], [2 * half], [-1])), slice(x, [0], [half], [-1])], -1);
}

/** The adjoint of rotateHalf: [a, b] -> [b, -a]. */
function rotateHalfTransposed(z: Value): Value {
  const half = (z.dim(-1) as number) / 2;
  return concat([slice(z, [half], [2 * half], [-1]), neg(slice(z, [0], [half], [-1]))], -1);
}

/** Rotary embedding, HF "rotate_half" layout: x * cos + rotate_half(x) * sin; cos/sin broadcast to x. */
export const Rotary: OpDef = {
  name: 'Rotary',
  summary: 'RoPE (inputs x[..., d], cos, sin broadcastable to x; HF rotate_half layout)',
  arity: 3,
  fused: true,
  infer(inputs, _attrs, where) {
    const [x] = inputs;
    requireFloat(x, where);
    const d = x.shape[x.shape.length - 1];
    if (typeof d !== 'number' || d % 2 !== 0) throw new IrError(`${where}: last dim of x must be static and even, got ${showShape(x.shape)}`, 'Rotary applies per head; reshape to [..., head_dim].');
    const shape = broadcastShapes(inputs.map((i) => i.shape), where);
    if (!shapeEquals(shape, x.shape)) throw new IrError(`${where}: cos/sin must broadcast to x ${showShape(x.shape)}`, 'Shape cos/sin as [..., seq, head_dim].');
    return { dtype: requireSameDType(inputs, where), shape };
  },
  /** dx = dy·cos + rotate_halfᵀ(dy·sin), where rotate_halfᵀ([a, b]) = [b, −a]; cos/sin get dy·x, dy·rotate_half(x). */
  grad: ({ inputs: [x, cos, sin], dy, wants }) => [
    wants[0] ? add(mul(dy, cos), rotateHalfTransposed(mul(dy, sin))) : undefined,
    wants[1] ? mul(dy, x) : undefined,
    wants[2] ? mul(dy, rotateHalf(x)) : undefined,
  ],
  decompose: ([x, cos, sin]) => add(mul(x, cos), mul(rotateHalf(x), sin)),
};
/**
 * `hfTables`: the caller vouches that each cos/sin row is cat(f, f) (HF tables, equal halves), which
 * lets a backend use kernels that read only the first half (attr hfTables = 1; same result).
 */
export const rotary = (x: Value, cos: Value, sin: Value, options: { readonly hfTables?: boolean } = {}) =>
  apply('Rotary', [x, cos, sin], options.hfTables === true ? { hfTables: 1 } : {});
