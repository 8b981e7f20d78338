import type { Attrs } from '@okapi/core';
import type { BoundNode, BoundValue } from './bind-graph';

/** One kernel call of a run. */
export interface PlannedStep {
  readonly bound: BoundNode;
  readonly op: string;
  readonly attrs: Attrs;
  /** Value ids read (after transpose folding these may skip a Transpose node). */
  readonly inputs: readonly BoundValue[];
  readonly output: BoundValue;
  /** MatMul only: operands whose last two dims are read transposed (a folded Transpose). */
  readonly transposed?: readonly [boolean, boolean];
  /** Intermediate values whose last reader is this step: disposed right after it. */
  readonly release: readonly number[];
}

/** What a session runs for one set of requested outputs. */
export interface ExecutionPlan {
  readonly steps: readonly PlannedStep[];
  readonly outputs: readonly { readonly name: string; readonly id: number }[];
}
