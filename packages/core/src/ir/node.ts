import type { Attrs } from './attrs';
import type { Value } from './value';

/** One op application. Every op has exactly one output (see ir/README.md). */
export interface Node {
  readonly id: number;
  readonly op: string;
  readonly inputs: readonly Value[];
  readonly attrs: Attrs;
  readonly output: Value;
}
