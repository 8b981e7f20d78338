import { bindShape, IrError, type DType, type Graph, type HostTensor, type Node, type Value } from '@okapi/core';
import { OnnxModelBuilder } from '../proto/model-builder';
import type { OnnxAttribute } from '../proto/onnx-attribute';
import { ortDtypeOf } from '../ort/tensor-convert';
import { allocateTyped } from '../proto/typed-arrays';
import type { LoweringContext, OnnxLowering } from './onnx-lowering';

export interface LowerOptions {
  /** Sizes of symbolic dims; after binding every ONNX shape is static (one model per shape bucket). */
  readonly dims?: Readonly<Record<string, number>>;
  /** The lowering for each IR op (built-ins overlaid with the selected fused kernels). */
  readonly lowerings: ReadonlyMap<string, OnnxLowering>;
  /** Graph inputs to bake into the model as initializers (export); the rest stay model inputs. */
  readonly baked?: ReadonlyMap<string, HostTensor>;
  /** Keeps input shapes symbolic in the model signature (export); internal shapes stay bound. */
  readonly symbolicSignature?: boolean;
}

/** Translates an IR graph to one ONNX model: inputs, nodes in order, outputs by name. */
export function lowerGraph(graph: Graph, options: LowerOptions): OnnxModelBuilder {
  const lowerer = new GraphLowerer(new OnnxModelBuilder(graph.name), options);
  lowerer.declareInputs(graph);
  lowerer.lowerNodes(graph.nodes);
  lowerer.declareOutputs(graph);
  return lowerer.builder;
}

/**
 * The ONNX name of a graph input. ONNX names are unique across inputs and outputs, while the IR lets
 * an output share an input's name; such an input gets a suffix, and the session maps feeds to it.
 */
export function onnxInputName(graph: Graph, input: Value): string {
  const name = input.name ?? `input_${input.id}`;
  return graph.outputs.some((o) => o.name === name) ? `${name}:input` : name;
}

/** Holds the IR-value → ONNX-name map while one graph (or a fused op's decomposition) is lowered. */
export class GraphLowerer {
  private readonly names = new Map<Value, string>();
  private readonly shared = new Map<string, string>();

  constructor(readonly builder: OnnxModelBuilder, private readonly options: LowerOptions) {}

  declareInputs(graph: Graph): void {
    for (const input of graph.inputs) {
      const name = onnxInputName(graph, input);
      const baked = this.options.baked?.get(name);
      if (baked !== undefined) {
        this.names.set(input, this.builder.addInitializer(name, ortDtypeOf(baked.dtype), baked.shape, baked.data));
        continue;
      }
      const shape = this.options.symbolicSignature ? input.shape : this.shapeOf(input);
      this.names.set(input, this.builder.addInput(name, ortDtypeOf(input.dtype), shape));
    }
  }

  declareOutputs(graph: Graph): void {
    for (const { name, value } of graph.outputs) {
      const shape = this.options.symbolicSignature ? value.shape : this.shapeOf(value);
      this.builder.addOutput(name, this.nameOf(value), ortDtypeOf(value.dtype), shape);
    }
  }

  /** Maps an IR value (of a scratch graph) to an existing ONNX name. */
  alias(value: Value, onnxName: string): void {
    this.names.set(value, onnxName);
  }

  lowerNodes(nodes: readonly Node[]): void {
    for (const node of nodes) this.names.set(node.output, this.lowerNode(node));
  }

  nameOf(value: Value): string {
    const name = this.names.get(value);
    if (name === undefined) throw new Error(`ONNX lowering: value ${value} was used before it was lowered`);
    return name;
  }

  shapeOf(value: Value): number[] {
    return bindShape(value.shape, this.options.dims ?? {}, `onnx lowering of ${value}`);
  }

  private lowerNode(node: Node): string {
    const lowering = this.options.lowerings.get(node.op);
    if (lowering === undefined) {
      throw new IrError(`The onnx backend cannot lower IR op '${node.op}' (node ${node.id})`,
        'Add a lowering under packages/backend-onnx/src/lowering/ops/, or give the op a decomposition into core ops.');
    }
    return lowering(this.contextFor(node));
  }

  private contextFor(node: Node): LoweringContext {
    return {
      node,
      builder: this.builder,
      lowerer: this,
      input: (i) => this.nameOf(node.inputs[i]),
      nameOf: (v) => this.nameOf(v),
      shapeOf: (i) => this.shapeOf(node.inputs[i]),
      outputShape: this.shapeOf(node.output),
      int64s: (values) => this.sharedConstant('int64', [values.length], values),
      scalar: (value, dtype) => this.sharedConstant(dtype, [], [value]),
      op: (op, inputs, attributes?: Readonly<Record<string, OnnxAttribute | undefined>>, domain?: string) =>
        this.builder.op(op, inputs, attributes, domain),
    };
  }

  private sharedConstant(dtype: DType, dims: readonly number[], values: readonly number[]): string {
    const key = `${dtype}[${dims.join(',')}]:${values.join(',')}`;
    let name = this.shared.get(key);
    if (name === undefined) {
      const data = allocateTyped(ortDtypeOf(dtype), values.length);
      values.forEach((v, i) => { (data as Float64Array)[i] = (data instanceof BigInt64Array ? BigInt(v) : v) as number; });
      name = this.builder.addInitializer(`const_${dtype}`, ortDtypeOf(dtype), dims, data);
      this.shared.set(key, name);
    }
    return name;
  }
}
