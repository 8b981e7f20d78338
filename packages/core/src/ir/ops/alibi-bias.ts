import { numAttr } from '../attrs';
import type { DType } from '../dtype';
import { hostTensor } from '../host-tensor';
import { IrError } from '../ir-error';
import type { OpDef } from '../op-def';
import type { Value } from '../value';
import { cast } from './cast';
import { cumSum } from './cum-sum';
import { mul } from './mul';
import { apply, isFloat } from './op-kit';
import { reshape } from './reshape';
import { sub } from './sub';

/** BLOOM's ALiBi head slopes (build_alibi_tensor), including non-power-of-two head counts. */
export function alibiSlopes(numHeads: number): number[] {
  const closest = 2 ** Math.floor(Math.log2(numHeads));
  const base = 2 ** -(2 ** -(Math.log2(closest) - 3));
  const slopes = Array.from({ length: closest }, (_, i) => base ** (i + 1));
  if (closest !== numHeads) {
    const extraBase = 2 ** -(2 ** -(Math.log2(2 * closest) - 3));
    const remaining = Math.min(closest, numHeads - closest);
    for (let i = 0; i < remaining; i++) slopes.push(extraBase ** (1 + 2 * i));
  }
  return slopes;
}

/**
 * ALiBi bias as BLOOM builds it: slope[h] * ((cumsum(mask) - 1) * mask), shaped [batch, heads, 1, seq]
 * (HF flattens to [batch * heads, 1, seq]). Input: attention mask [batch, seq] (1 = token, 0 = pad).
 */
export const AlibiBias: OpDef = {
  name: 'AlibiBias',
  summary: 'ALiBi bias [b, heads, 1, s] from an attention mask [b, s] (attrs numHeads, dtype)',
  arity: 1,
  fused: true,
  infer([mask], attrs, where) {
    if (mask.shape.length !== 2) throw new IrError(`${where}: attention mask must be [batch, seq]`, 'Pass the 2-D 0/1 attention mask.');
    const dtype = (attrs.dtype ?? 'float32') as DType;
    if (!isFloat(dtype)) throw new IrError(`${where}: dtype must be a float type`, "Use dtype 'float32'.");
    return { dtype, shape: [mask.shape[0], numAttr(attrs, 'numHeads'), 1, mask.shape[1]] };
  },
  decompose([mask], attrs) {
    const dtype = (attrs.dtype ?? 'float32') as DType;
    const heads = numAttr(attrs, 'numHeads');
    const m = cast(mask, dtype);
    const positions = mul(sub(cumSum(m, -1), 1), m);
    const slopes = mask.graph.constant(hostTensor(dtype, [1, heads, 1, 1], alibiSlopes(heads)));
    return mul(reshape(positions, [mask.shape[0], 1, 1, mask.shape[1]]), slopes);
  },
};
export const alibiBias = (mask: Value, numHeads: number, dtype: DType = 'float32') => apply('AlibiBias', [mask], { numHeads, dtype });
