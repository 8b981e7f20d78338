import { numsAttr } from '@okapi/core';
import type { BoundNode, BoundValue } from './bind-graph';

/** A MatMul operand read through a Transpose that only swaps the last two dims. */
export interface FoldedOperand {
  readonly value: BoundValue;
  readonly transposed: boolean;
}

/** True for a perm that keeps every dim but swaps the last two. */
export function swapsLastTwo(perm: readonly number[]): boolean {
  const r = perm.length;
  return r >= 2 && perm[r - 2] === r - 1 && perm[r - 1] === r - 2 && perm.slice(0, -2).every((p, i) => p === i);
}

/**
 * MatMul's operands with last-two-dim Transposes folded into transpose flags, so no transposed copy
 * is made (the IR's autodiff writes dY @ W^T and X^T @ dY). Engines whose transposed matmul is slow
 * (wasm) do not fold: they run the Transpose as its own op and call the plain matmul.
 */
export function foldMatMulOperands(node: BoundNode, producers: ReadonlyMap<number, BoundNode>): [FoldedOperand, FoldedOperand] {
  const fold = (value: BoundValue): FoldedOperand => {
    const producer = producers.get(value.id);
    if (producer?.op !== 'Transpose' || !swapsLastTwo(numsAttr(producer.attrs, 'perm'))) return { value, transposed: false };
    return { value: producer.inputs[0], transposed: true };
  };
  return [fold(node.inputs[0]), fold(node.inputs[1])];
}
