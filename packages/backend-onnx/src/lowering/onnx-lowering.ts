import type { Dim, DType, Node, Value } from '@okapi/core';
import type { OnnxAttribute } from '../proto/onnx-attribute';
import type { OnnxModelBuilder } from '../proto/model-builder';
import type { GraphLowerer } from './graph-lowerer';

/** What a lowering sees while translating one IR node into ONNX nodes. */
export interface LoweringContext {
  readonly node: Node;
  readonly builder: OnnxModelBuilder;
  /** The lowering in progress (to lower a decomposition inline). */
  readonly lowerer: GraphLowerer;
  /** ONNX value name of the node's i-th input. */
  input(i: number): string;
  /** ONNX value name of any IR value lowered so far. */
  nameOf(value: Value): string;
  /** The node's i-th input's static shape (symbolic dims are bound before lowering). */
  shapeOf(i: number): number[];
  /** The output's static shape. */
  readonly outputShape: number[];
  /** Dims of the node's i-th input; names remain only when lowering symbolically (export). */
  dimsOf(i: number): Dim[];
  /** The output's dims; names remain only when lowering symbolically. */
  readonly outputDims: Dim[];
  /** A 1-D int64 tensor of dims (constant when static, computed from the inputs' shapes otherwise). */
  shapeTensor(dims: readonly Dim[]): string;
  /** A 1-D int64 initializer (shapes, axes, slice bounds), shared between nodes that ask for the same. */
  int64s(values: readonly number[]): string;
  /** A scalar initializer of a dtype (shared). */
  scalar(value: number, dtype: DType): string;
  /** Emits one single-output ONNX node. */
  op(op: string, inputs: readonly string[], attributes?: Readonly<Record<string, OnnxAttribute | undefined>>, domain?: string): string;
}

/** Translates one IR node to ONNX nodes and returns the ONNX name of the node's output. */
export type OnnxLowering = (ctx: LoweringContext) => string;

/**
 * A kernel contribution's implementation for the onnx backend: a lowering that replaces the
 * built-in one (or the decomposition) of one IR op, typically a fused com.microsoft contrib op.
 */
export interface OnnxKernel {
  readonly lower: OnnxLowering;
  /** Providers the contrib op exists on (default: all); on others the built-in lowering is used. */
  readonly providers?: readonly string[];
  /**
   * Used only when named in `onnx.fusedKernels`, not with `true`: for kernels that are exact only
   * for the inputs models build (e.g. RotaryEmbedding assumes HF cos/sin tables with equal halves).
   */
  readonly optIn?: boolean;
  /**
   * For opt-in kernels: the lowering used when the kernel is enabled but not named — the part that
   * is exact for every input it takes (it falls back to the built-in lowering for the rest).
   */
  readonly unnamed?: OnnxLowering;
}
