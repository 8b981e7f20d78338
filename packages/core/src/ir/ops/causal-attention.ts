import { numAttr } from '../attrs';
import { IrError } from '../ir-error';
import type { OpDef } from '../op-def';
import { showShape } from '../shape';
import type { Value } from '../value';
import { add } from './add';
import { matmul } from './matmul';
import { mul } from './mul';
import { apply, requireFloat } from './op-kit';
import { reshape } from './reshape';
import { softmax } from './softmax';
import { transposeLast2 } from './transpose';
import { where } from './where';

/** Inputs and constants of one attention call (see `CausalAttention`). */
export interface AttentionOperands {
  /** [batch, heads, seq, d] */
  readonly q: Value;
  /** [batch, kvHeads, keys, d]; heads must be a multiple of kvHeads (grouped-query attention). */
  readonly k: Value;
  readonly v: Value;
  readonly scale: number;
  /** bool, broadcastable to [batch, heads, seq, keys]. */
  readonly allowed: Value;
  /** Added to the scaled scores (ALiBi), broadcastable to [batch, heads, seq, keys]. */
  readonly bias?: Value;
  readonly maskedScore: number;
}

/**
 * softmax(q kᵀ · scale + bias, masked) v in primitive ops. With grouped-query attention the query
 * heads are viewed as [kvHeads, groups] so each K/V head serves its group by broadcasting, without
 * copying K/V.
 */
export function decomposedAttention(o: AttentionOperands): Value {
  const [batch, heads, seq, d] = o.q.shape;
  const kvHeads = o.k.dim(1) as number;
  const groups = (heads as number) / kvHeads;
  const keys = o.k.dim(2);
  const grouped = groups !== 1;
  const q = grouped ? reshape(o.q, [batch, kvHeads, groups, seq, d]) : o.q;
  const k = grouped ? reshape(o.k, [batch, kvHeads, 1, keys, d]) : o.k;
  const v = grouped ? reshape(o.v, [batch, kvHeads, 1, keys, d]) : o.v;
  let scores = mul(matmul(q, transposeLast2(k)), o.scale);
  if (grouped) scores = reshape(scores, [batch, heads, seq, keys]);
  if (o.bias !== undefined) scores = add(scores, o.bias);
  let probs = softmax(where(o.allowed, scores, o.maskedScore), -1);
  if (grouped) probs = reshape(probs, [batch, kvHeads, groups, seq, keys]);
  const context = matmul(probs, v);
  return grouped ? reshape(context, [batch, heads, seq, d]) : context;
}

/**
 * Fused decoder self-attention: inputs q [b, heads, s, d], k and v [b, kvHeads, keys, d], allowed
 * (bool, broadcastable to [b, 1 or heads, s, keys]) and optionally an additive bias (ALiBi); attrs
 * scale, maskedScore. Precondition (what kernels such as onnxruntime's GroupQueryAttention rely on):
 * the queries are the last `s` of the `keys` positions and `allowed` already hides later keys
 * (key j ≤ keys − s + i); a row that sees no key at all has an unspecified (finite) result.
 * Inference only: graphs that train use the decomposed form.
 */
export const CausalAttention: OpDef = {
  name: 'CausalAttention',
  summary: 'decoder self-attention (q, k, v, allowed[, bias]; attrs scale, maskedScore), GQA by head groups',
  arity: 'variadic',
  fused: true,
  infer(inputs, _attrs, where) {
    const [q, k, v, allowed] = inputs;
    if (inputs.length < 4 || inputs.length > 5) throw new IrError(`${where}: takes q, k, v, allowed and an optional bias, got ${inputs.length} inputs`, 'Pass 4 or 5 inputs.');
    requireFloat(q, where);
    if (q.shape.length !== 4 || k.shape.length !== 4 || v.shape.length !== 4) {
      throw new IrError(`${where}: q, k, v must be [batch, heads, seq, d], got ${[q, k, v].map((t) => showShape(t.shape)).join(', ')}`, 'Split heads first.');
    }
    const [heads, kvHeads] = [q.shape[1], k.shape[1]];
    if (typeof heads !== 'number' || typeof kvHeads !== 'number' || heads % kvHeads !== 0) {
      throw new IrError(`${where}: query heads ${heads} must be a static multiple of key/value heads ${kvHeads}`, 'Use grouped-query head counts.');
    }
    if (allowed.dtype !== 'bool') throw new IrError(`${where}: allowed must be bool, got ${allowed.dtype}`, 'Pass the attention mask as a bool tensor.');
    return { dtype: q.dtype, shape: q.shape };
  },
  decompose: ([q, k, v, allowed, bias], attrs) => decomposedAttention({
    q, k, v, allowed, bias, scale: numAttr(attrs, 'scale'), maskedScore: numAttr(attrs, 'maskedScore'),
  }),
};

/** The fused op over the same operands `decomposedAttention` takes. */
export function causalAttention(o: AttentionOperands): Value {
  const inputs = [o.q, o.k, o.v, o.allowed, ...(o.bias === undefined ? [] : [o.bias])];
  return apply('CausalAttention', inputs, { scale: o.scale, maskedScore: o.maskedScore });
}
