import { bindDim, dimFactors, dimNames, isSumDim, IrError, sumTerms, type Dim, type DType, type Graph, type HostTensor, type Node, type Value } from '@okapi/core';
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
  /**
   * Keeps unbound symbolic dims symbolic (export): they become ONNX dim params, and shapes that need
   * them (Reshape, Expand, Iota) are computed at run time from the inputs that carry them.
   */
  readonly symbolic?: boolean;
}

/** Translates an IR graph to one ONNX model: inputs, nodes in order, outputs by name. */
export function lowerGraph(graph: Graph, options: LowerOptions): OnnxModelBuilder {
  const lowerer = new GraphLowerer(new OnnxModelBuilder(graph.name), options);
  lowerer.declareInputs(graph);
  lowerer.lowerNodes(graph.nodes);
  lowerer.declareOutputs(graph);
  lowerer.builder.pruneDeadNodes();
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
  /** Where each symbolic dim can be read at run time: an ONNX input and an axis. */
  private readonly dimSources = new Map<string, { input: string; axis: number }>();
  private readonly dimTensors = new Map<string, string>();

  constructor(readonly builder: OnnxModelBuilder, private readonly options: LowerOptions) {}

  declareInputs(graph: Graph): void {
    for (const input of graph.inputs) {
      const name = onnxInputName(graph, input);
      const baked = this.options.baked?.get(input.name ?? '');
      if (baked !== undefined) {
        this.names.set(input, this.builder.addInitializer(name, ortDtypeOf(baked.dtype), baked.shape, baked.data));
        continue;
      }
      const dims = this.dimsOf(input);
      dims.forEach((d, axis) => {
        if (typeof d === 'string' && !this.dimSources.has(d)) this.dimSources.set(d, { input: name, axis });
      });
      this.names.set(input, this.builder.addInput(name, ortDtypeOf(input.dtype), dims));
    }
  }

  declareOutputs(graph: Graph): void {
    for (const { name, value } of graph.outputs) {
      this.builder.addOutput(name, this.nameOf(value), ortDtypeOf(value.dtype), this.dimsOf(value));
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

  /** The value's dims with bound names replaced by sizes (names stay only in symbolic lowering). */
  dimsOf(value: Value): Dim[] {
    const bound = this.options.dims ?? {};
    const dims = value.shape.map((d) => (typeof d === 'string' && dimNames(d).every((n) => bound[n] !== undefined) ? bindDim(d, bound, '') : d));
    const open = dims.find((d) => typeof d === 'string');
    if (open !== undefined && !this.options.symbolic) {
      throw new IrError(`onnx lowering of ${value}: symbolic dim '${open}' has no size`, `Pass it in compile options, e.g. { dims: { ${open}: 8 } }.`);
    }
    return dims;
  }

  /** The value's static shape; an op that needs one fails clearly on a dim left symbolic for export. */
  shapeOf(value: Value): number[] {
    const dims = this.dimsOf(value);
    const open = dims.find((d) => typeof d === 'string');
    if (open !== undefined) {
      throw new IrError(`onnx lowering of ${value}: this lowering needs a static shape, but '${open}' is symbolic`,
        'Export this graph with its dims bound (exportModel({ dims })), or add dynamic-shape support to that lowering.');
    }
    return dims as number[];
  }

  /** A 1-D int64 tensor holding `dims`: a constant when static, else assembled at run time. */
  shapeTensor(dims: readonly Dim[]): string {
    if (dims.every((d) => typeof d === 'number')) return this.sharedConstant('int64', [dims.length], dims as number[]);
    const pieces = dims.map((d) => (typeof d === 'number' ? this.sharedConstant('int64', [1], [d]) : this.dimTensor(d)));
    return this.builder.op('Concat', pieces, { axis: { int: 0 } });
  }

  /**
   * A [1] int64 tensor with a symbolic dim's size: read from an input that has it, else a product dim
   * ('batch*seq') multiplies its factors and a sum dim ('past+seq') adds its terms.
   */
  private dimTensor(name: string): string {
    const cached = this.dimTensors.get(name) ?? (this.dimSources.has(name) ? undefined : this.sumTensor(name));
    if (cached !== undefined) return cached;
    const { coef, syms } = dimFactors(name);
    if (syms.length !== 1 || coef !== 1) {
      const factors = [...syms.map((n) => this.dimTensor(n)), ...(coef === 1 ? [] : [this.sharedConstant('int64', [1], [coef])])];
      const product = factors.slice(1).reduce((acc, f) => this.builder.op('Mul', [acc, f]), factors[0]);
      this.dimTensors.set(name, product);
      return product;
    }
    const source = this.dimSources.get(name);
    if (source === undefined) {
      throw new IrError(`onnx export: symbolic dim '${name}' appears in no graph input, so its size is unknown at run time`,
        `Bind it with exportModel({ dims: { ${name}: … } }).`);
    }
    const tensor = this.builder.op('Shape', [source.input], { start: { int: source.axis }, end: { int: source.axis + 1 } });
    this.dimTensors.set(name, tensor);
    return tensor;
  }

  /** A sum dim's size as the Add of its terms' sizes; undefined for a dim that is no sum. */
  private sumTensor(name: string): string | undefined {
    if (!isSumDim(name)) return undefined;
    const terms = sumTerms(name).map((t) => (/^\d+$/.test(t) ? this.sharedConstant('int64', [1], [Number(t)]) : this.dimTensor(t)));
    const sum = terms.slice(1).reduce((acc, t) => this.builder.op('Add', [acc, t]), terms[0]);
    this.dimTensors.set(name, sum);
    return sum;
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
    const lowerer = this; // eslint-disable-line @typescript-eslint/no-this-alias -- getter below needs it
    return {
      node,
      builder: this.builder,
      lowerer: this,
      input: (i) => this.nameOf(node.inputs[i]),
      nameOf: (v) => this.nameOf(v),
      shapeOf: (i) => this.shapeOf(node.inputs[i]),
      dimsOf: (i) => this.dimsOf(node.inputs[i]),
      get outputShape() { return lowerer.shapeOf(node.output); },
      outputDims: this.dimsOf(node.output),
      shapeTensor: (dims) => this.shapeTensor(dims),
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
