import type { AttrValue, Attrs } from './attrs';
import type { DType } from './dtype';
import type { HostTensor } from './host-tensor';
import { IrError } from './ir-error';
import type { Node } from './node';
import type { OpRegistry } from './op-registry';
import type { Shape } from './shape';
import { Value } from './value';

export interface GraphOutput {
  readonly name: string;
  readonly value: Value;
}

/**
 * A tensor program in SSA form. `nodes` is in topological order (construction order), so a backend
 * walks it front to back. Inputs and outputs are named; everything else is anonymous.
 * This class is also the tracer: `input()`, `constant()`, `apply()`; the `ops.*` functions call `apply`.
 */
export class Graph {
  readonly nodes: Node[] = [];
  readonly inputs: Value[] = [];
  readonly outputs: GraphOutput[] = [];
  private nextId = 0;

  constructor(readonly registry: OpRegistry, readonly name = 'graph') {}

  /** Declares a named runtime input (activations, ids, weights, optimizer state, scalars). */
  input(name: string, dtype: DType, shape: Shape): Value {
    if (this.inputs.some((v) => v.name === name)) {
      throw new IrError(`Graph '${this.name}': input '${name}' declared twice`, 'Give every graph input a unique name.');
    }
    const value = new Value(this, this.nextId++, dtype, [...shape], undefined, name);
    this.inputs.push(value);
    return value;
  }

  /** Marks a value as a named output (a value may be output under several names). */
  output(name: string, value: Value): void {
    if (value.graph !== this) throw new IrError(`Graph '${this.name}': output '${name}' belongs to another graph`, 'Build outputs from this graph\'s values.');
    if (this.outputs.some((o) => o.name === name)) {
      throw new IrError(`Graph '${this.name}': output '${name}' declared twice`, 'Give every graph output a unique name.');
    }
    this.outputs.push({ name, value });
  }

  /** A constant tensor baked into the graph. */
  constant(tensor: HostTensor): Value {
    return this.apply('Constant', [], { value: tensor });
  }

  /** Appends one op application after checking its inputs and inferring its output type. */
  apply(op: string, inputs: readonly Value[], attrs: Record<string, AttrValue | undefined> = {}): Value {
    const def = this.registry.get(op);
    const where = `${op} (node ${this.nodes.length} of graph '${this.name}')`;
    if (def.arity !== 'variadic' && inputs.length !== def.arity) {
      throw new IrError(`${where}: takes ${def.arity} inputs, got ${inputs.length}`, `See the op table in ir/README.md.`);
    }
    for (const v of inputs) {
      if (v.graph !== this) throw new IrError(`${where}: an input belongs to another graph`, 'Values cannot cross graphs; declare an input instead.');
    }
    const clean = Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined)) as Attrs;
    const type = def.infer(inputs, clean, where);
    const id = this.nextId++;
    const node: { -readonly [K in keyof Node]: Node[K] } = { id, op, inputs: [...inputs], attrs: clean, output: undefined as unknown as Value };
    node.output = new Value(this, id, type.dtype, type.shape, node);
    this.nodes.push(node);
    return node.output;
  }

  inputNamed(name: string): Value {
    const v = this.inputs.find((i) => i.name === name);
    if (v === undefined) throw new IrError(`Graph '${this.name}' has no input '${name}'`, `Inputs: ${this.inputs.map((i) => i.name).join(', ')}.`);
    return v;
  }

  outputNamed(name: string): Value {
    const o = this.outputs.find((i) => i.name === name);
    if (o === undefined) throw new IrError(`Graph '${this.name}' has no output '${name}'`, `Outputs: ${this.outputs.map((i) => i.name).join(', ')}.`);
    return o.value;
  }

  /** A readable listing, one node per line (for errors and debugging). */
  toString(): string {
    const lines = [`graph ${this.name}(${this.inputs.join(', ')})`];
    for (const n of this.nodes) lines.push(`  ${n.output} = ${n.op}(${n.inputs.map((v) => `%${v.id}`).join(', ')})`);
    for (const o of this.outputs) lines.push(`  -> ${o.name} = %${o.value.id}`);
    return lines.join('\n');
  }
}
