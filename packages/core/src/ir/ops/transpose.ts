import { numsAttr } from '../attrs';
import { IrError } from '../ir-error';
import type { OpDef } from '../op-def';
import type { Value } from '../value';
import { apply } from './op-kit';

function permOf(rank: number, perm?: readonly number[]): number[] {
  return perm ? [...perm] : Array.from({ length: rank }, (_, i) => rank - 1 - i);
}

/** ONNX Transpose: output dim i = input dim perm[i]; default perm reverses the dims. */
export const Transpose: OpDef = {
  name: 'Transpose',
  summary: 'permute dims (attr perm)',
  arity: 1,
  infer([x], attrs, where) {
    const perm = permOf(x.shape.length, attrs.perm === undefined ? undefined : numsAttr(attrs, 'perm'));
    const sorted = [...perm].sort((p, q) => p - q);
    if (perm.length !== x.shape.length || sorted.some((p, i) => p !== i)) {
      throw new IrError(`${where}: perm [${perm}] is not a permutation of 0..${x.shape.length - 1}`, 'List every axis exactly once.');
    }
    return { dtype: x.dtype, shape: perm.map((p) => x.shape[p]) };
  },
  grad({ inputs: [x], attrs, dy }) {
    const perm = permOf(x.rank, attrs.perm === undefined ? undefined : numsAttr(attrs, 'perm'));
    const inverse = new Array<number>(perm.length);
    perm.forEach((p, i) => (inverse[p] = i));
    return [transpose(dy, inverse)];
  },
};

export const transpose = (x: Value, perm?: readonly number[]) => apply('Transpose', [x], { perm: perm ?? permOf(x.rank) });

/** Swaps the last two dims. */
export function transposeLast2(x: Value): Value {
  const perm = permOf(x.rank).reverse();
  perm[x.rank - 2] = x.rank - 1;
  perm[x.rank - 1] = x.rank - 2;
  return transpose(x, perm);
}
