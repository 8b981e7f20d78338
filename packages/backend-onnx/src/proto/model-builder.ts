import type { DType } from '@okapi/core';
import { onnx } from 'onnx-proto';
import { toAttributeProto, type OnnxAttribute } from './onnx-attribute';
import { onnxElemType } from './onnx-dtype';
import { inlineTensorProto, type TypedData } from './tensor-proto';

/** A dimension: a fixed size, or a symbolic name bound when the session runs. */
export type OnnxDim = number | string;

export interface OnnxNodeSpec {
  readonly op: string;
  readonly inputs: readonly string[];
  /** How many outputs to name (default 1), or the exact names. */
  readonly outputs?: number | readonly string[];
  readonly attributes?: Readonly<Record<string, OnnxAttribute | undefined>>;
  /** '' (default ONNX domain) or 'com.microsoft' for onnxruntime contrib ops. */
  readonly domain?: string;
}

export const MICROSOFT_DOMAIN = 'com.microsoft';
/** Opset 17 has LayerNormalization; everything we emit exists there. */
export const DEFAULT_OPSET = 17;

/** Builds one ONNX ModelProto: nodes in order, graph inputs/outputs, initializers, unique names. */
export class OnnxModelBuilder {
  private readonly nodes: onnx.INodeProto[] = [];
  private readonly inputs: onnx.IValueInfoProto[] = [];
  private readonly outputs: onnx.IValueInfoProto[] = [];
  private readonly initializers: onnx.ITensorProto[] = [];
  private readonly usedNames = new Set<string>();
  /** Node outputs renamed to graph-output names (the lowering still knows the old names). */
  private readonly renamed = new Map<string, string>();
  private nextId = 0;

  constructor(private readonly graphName = 'okapi', private readonly opset = DEFAULT_OPSET) {}

  /** A fresh value name that starts with `hint` and collides with nothing else in the graph. */
  uniqueName(hint: string): string {
    let name = hint;
    while (this.usedNames.has(name)) name = `${hint}_${this.nextId++}`;
    this.usedNames.add(name);
    return name;
  }

  /** A name free right now, not yet reserved (for a node's explicit `outputs`). */
  freshName(hint: string): string {
    let name = hint;
    while (this.usedNames.has(name)) name = `${hint}_${this.nextId++}`;
    return name;
  }

  /** Reserves a name chosen elsewhere (graph inputs keep their IR names). */
  reserve(name: string): string {
    if (this.usedNames.has(name)) throw new Error(`ONNX value name '${name}' is used twice`);
    this.usedNames.add(name);
    return name;
  }

  addInput(name: string, dtype: DType, shape: readonly OnnxDim[]): string {
    this.inputs.push(valueInfo(this.reserve(name), dtype, shape));
    return name;
  }

  /**
   * Declares `value` a graph output under `name`. A node's output is renamed in place; graph inputs,
   * initializers and values already output under another name go through an Identity (a copy, which
   * for training graphs' updated weights would cost a full pass over the parameters each step).
   */
  addOutput(name: string, produced: string, dtype: DType, shape?: readonly OnnxDim[]): void {
    const value = this.renamed.get(produced) ?? produced;
    if (name !== value) {
      this.reserve(name);
      if (!this.renameNodeOutput(value, name)) {
        this.nodes.push({ opType: 'Identity', input: [value], output: [name], name: `out_${name}` });
      }
    }
    this.outputs.push(valueInfo(name, dtype, shape));
  }

  private renameNodeOutput(from: string, to: string): boolean {
    if (this.outputs.some((o) => o.name === from)) return false;
    const producer = this.nodes.find((n) => n.output?.includes(from));
    if (producer?.output === undefined || producer.output === null) return false;
    producer.output = producer.output.map((o) => (o === from ? to : o));
    this.renamed.set(from, to);
    for (const node of this.nodes) {
      if (node.input?.includes(from)) node.input = node.input.map((i) => (i === from ? to : i));
    }
    return true;
  }

  addInitializer(hint: string, dtype: DType, dims: readonly number[], data: TypedData): string {
    const name = this.uniqueName(hint);
    this.initializers.push(inlineTensorProto(name, dtype, dims, data));
    return name;
  }

  /** Emits a node and returns its output names. */
  node(spec: OnnxNodeSpec): string[] {
    const outputs = typeof spec.outputs === 'object'
      ? spec.outputs.map((n) => (n === '' ? n : this.reserve(n))) // '' = an optional output left out
      : Array.from({ length: spec.outputs ?? 1 }, (_, i) => this.uniqueName(`${spec.op.toLowerCase()}_${this.nodes.length}_${i}`));
    const attribute = Object.entries(spec.attributes ?? {})
      .filter((entry): entry is [string, OnnxAttribute] => entry[1] !== undefined)
      .map(([k, v]) => toAttributeProto(k, v));
    this.nodes.push({
      opType: spec.op, input: [...spec.inputs], output: outputs, attribute,
      domain: spec.domain ?? '', name: `n${this.nodes.length}_${spec.op}`,
    });
    return outputs;
  }

  /** Shorthand for a single-output node. */
  op(op: string, inputs: readonly string[], attributes?: OnnxNodeSpec['attributes'], domain?: string): string {
    return this.node({ op, inputs, attributes, domain })[0];
  }

  /**
   * Removes the `opType` node that produces `name` when nothing has consumed it yet, and frees the
   * name so a fused node can produce it instead. Returns the removed node's inputs.
   */
  takeOverProducer(name: string, opType: string): string[] | undefined {
    const index = this.nodes.findIndex((n) => n.output?.includes(name));
    const producer = this.nodes[index];
    if (producer === undefined || producer.opType !== opType || producer.output?.length !== 1) return undefined;
    if (this.nodes.slice(index + 1).some((n) => n.input?.includes(name))) return undefined;
    this.nodes.splice(index, 1);
    this.usedNames.delete(name);
    return [...(producer.input ?? [])];
  }

  /**
   * Removes nodes none of whose outputs reach a graph output (left behind when a fused kernel reads
   * an earlier value instead of a lowered one); onnxruntime would run them otherwise.
   */
  pruneDeadNodes(): void {
    const needed = new Set(this.outputs.map((o) => o.name as string));
    const live = [...this.nodes].reverse().filter((n) => {
      if (!(n.output ?? []).some((o) => needed.has(o))) return false;
      for (const input of n.input ?? []) needed.add(input);
      return true;
    });
    this.nodes.splice(0, this.nodes.length, ...live.reverse());
  }

  build(): onnx.ModelProto {
    const usesMicrosoft = this.nodes.some((n) => n.domain === MICROSOFT_DOMAIN);
    return onnx.ModelProto.create({
      irVersion: 8,
      producerName: 'okapi.ts',
      producerVersion: '0.1.0',
      opsetImport: [{ domain: '', version: this.opset }, ...(usesMicrosoft ? [{ domain: MICROSOFT_DOMAIN, version: 1 }] : [])],
      graph: { name: this.graphName, node: this.nodes, input: this.inputs, output: this.outputs, initializer: this.initializers },
    });
  }

  encode(): Uint8Array {
    return onnx.ModelProto.encode(this.build()).finish();
  }
}

export function valueInfo(name: string, dtype: DType, shape?: readonly OnnxDim[]): onnx.IValueInfoProto {
  const tensorType: onnx.TypeProto.ITensor = { elemType: onnxElemType[dtype] };
  if (shape !== undefined) {
    tensorType.shape = { dim: shape.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) };
  }
  return { name, type: { tensorType } };
}
