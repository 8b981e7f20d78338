import { IrError } from '../ir-error';
import type { OpDef } from '../op-def';
import { broadcastShapes, showShape } from '../shape';
import type { Value } from '../value';
import { apply, requireRank, requireSameDType } from './op-kit';
import { reshape } from './reshape';
import { transposeLast2 } from './transpose';

/** Batched matmul (numpy/ONNX), both operands rank >= 2; leading dims broadcast. */
export const MatMul: OpDef = {
  name: 'MatMul',
  summary: 'a[..., m, k] @ b[..., k, n] -> [..., m, n]',
  arity: 2,
  infer([a, b], _attrs, where) {
    const dtype = requireSameDType([a, b], where);
    requireRank(a, 2, where);
    requireRank(b, 2, where);
    const k1 = a.shape[a.shape.length - 1];
    const k2 = b.shape[b.shape.length - 2];
    if (k1 !== k2) {
      throw new IrError(`${where}: inner dims differ: ${showShape(a.shape)} @ ${showShape(b.shape)}`, 'The last dim of a must equal the second-to-last of b; transpose one operand?');
    }
    const batch = broadcastShapes([a.shape.slice(0, -2), b.shape.slice(0, -2)], where);
    return { dtype, shape: [...batch, a.shape[a.shape.length - 2], b.shape[b.shape.length - 1]] };
  },
  grad: ({ inputs: [a, b], dy, wants }) => [
    wants[0] ? matmul(dy, transposeLast2(b)) : undefined,
    wants[1] ? weightGrad(a, b, dy) : undefined,
  ],
};

/**
 * dB = A^T dy. For the common x[..., k] @ W[k, n] the leading dims are folded into one 2-D matmul
 * ([k, rows] @ [rows, n]) instead of a batched matmul followed by a sum over the batch.
 */
function weightGrad(a: Value, b: Value, dy: Value): Value {
  if (b.rank === 2 && a.rank > 2) {
    const rows = reshape(a, [-1, a.dim(-1)]);
    return matmul(transposeLast2(rows), reshape(dy, [-1, dy.dim(-1)]));
  }
  return matmul(transposeLast2(a), dy);
}
export const matmul = (a: Value, b: Value) => apply('MatMul', [a, b]);
