import type { DType } from '../dtype';
import type { Value } from '../value';

/** One input of an op case: values given, or drawn uniformly from `range` (seeded). */
export interface CaseInput {
  readonly name: string;
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly values?: readonly number[];
  readonly range?: readonly [number, number];
  /** Integer/bool inputs and inputs marked false are not differentiated. */
  readonly differentiable?: boolean;
}

/** An op exercised on small inputs: forward checks use `expected`, gradient checks use random data. */
export interface OpCase {
  readonly name: string;
  /** The IR op this case covers (for coverage checks). */
  readonly op: string;
  readonly inputs: readonly CaseInput[];
  build(inputs: readonly Value[]): Value;
  /** Hand-computed output, row-major. */
  readonly expected?: readonly number[];
  readonly expectedShape?: readonly number[];
  /** Why this case is not gradient-checked (e.g. a slice with step -2 has no gradient rule). */
  readonly noGradient?: string;
}
