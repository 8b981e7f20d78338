import type { Attrs } from './attrs';
import type { Node } from './node';
import type { Value, ValueType } from './value';

/** What a gradient rule sees: the forward node and the gradient flowing into its output. */
export interface GradContext {
  readonly node: Node;
  readonly inputs: readonly Value[];
  readonly output: Value;
  readonly attrs: Attrs;
  /** d(loss)/d(output), same shape as the output. */
  readonly dy: Value;
  /** Which inputs need a gradient; a rule may return undefined for the others (and must, when costly). */
  readonly wants: readonly boolean[];
}

/**
 * One IR op: its name, shape/dtype inference, gradient rule (as IR ops) and, for fused ops, a
 * decomposition into primitive ops. Semantics follow the ONNX operator of the same name where one exists.
 */
export interface OpDef {
  readonly name: string;
  readonly summary: string;
  /** Number of inputs, or 'variadic' (Concat). */
  readonly arity: number | 'variadic';
  /** Fused ops have a decomposition; backends without a kernel run that instead. */
  readonly fused?: boolean;
  /** Attributes that hold dims (possibly symbolic); `bindDims` substitutes them. */
  readonly dimAttrs?: readonly string[];
  infer(inputs: readonly ValueType[], attrs: Attrs, where: string): ValueType;
  /**
   * Gradient of the loss w.r.t. each input (undefined = none / not wanted). A result may have the
   * broadcast shape; autodiff sums it back to the input's shape. Fused ops without a rule are
   * differentiated through their decomposition. Absent and not fused = not differentiable.
   */
  grad?(ctx: GradContext): readonly (Value | undefined)[];
  /** Fused ops: the same computation as primitive ops (emitted into the inputs' graph). */
  decompose?(inputs: readonly Value[], attrs: Attrs): Value;
}
