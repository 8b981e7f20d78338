import { decomposeFused, OkapiError, type CompileOptions, type Graph } from '@okapi/core';
import { bindGraph, type BoundGraph } from './compile/bind-graph';
import type { PlannedStep } from './compile/execution-plan';
import type { EngineSpec } from './engine/engine-spec';
import type { Tensor, Tf } from './engine/tf-module';
import type { TfjsKernel } from './kernels/tfjs-kernel';
import { tfDTypeOf } from './tensor/dtype-map';
import type { TensorLedger } from './tensor/tensor-ledger';
import { TfjsSession } from './tfjs-session';

export interface SessionFactoryParts {
  readonly tf: Tf;
  readonly engine: EngineSpec;
  readonly kernels: ReadonlyMap<string, TfjsKernel>;
  readonly ledger: TensorLedger;
  readonly onDispose: (session: TfjsSession) => void;
}

/**
 * Graph -> session: fused ops without a kernel (or named in `decompose`) are expanded into
 * primitives, symbolic dims are bound, and input-free nodes (Constant, Iota) are computed once.
 */
export function compileSession(graph: Graph, options: CompileOptions, parts: SessionFactoryParts): TfjsSession {
  const { kernels } = parts;
  const asked = (op: string) => options.decompose === 'all' || (options.decompose ?? []).includes(op);
  const keep = new Set(graph.registry.list().filter((d) => d.fused === true && kernels.has(d.name) && !asked(d.name)).map((d) => d.name));
  const expanded = decomposeFused(graph, keep);
  const missing = [...new Set(expanded.nodes.map((n) => n.op).filter((op) => !kernels.has(op)))];
  if (missing.length > 0) {
    throw new OkapiError(`The tfjs backend has no kernel for IR op(s) ${missing.join(', ')} (graph '${graph.name}')`, {
      hint: "Contribute one with r.kernel({ backend: 'tfjs', op, implementation: { op, run } }) in a plugin, or use the onnx backend.",
    });
  }
  const bound = bindGraph(expanded, options.dims ?? {});
  checkDTypes(bound);
  return new TfjsSession({ ...parts, graph: bound, constants: precompute(parts, bound) });
}

/** Fails at compile time, naming the value, when the graph uses a dtype tfjs cannot hold (float64, float16). */
function checkDTypes(bound: BoundGraph): void {
  for (const input of bound.inputs) tfDTypeOf(input.dtype, `graph '${bound.name}', input '${input.name}'`);
  bound.nodes.forEach((n, i) => tfDTypeOf(n.output.dtype, `graph '${bound.name}', ${n.op} (node ${i})`));
}

/** Input-free nodes, run once; on failure the ones made so far are freed. */
function precompute(parts: SessionFactoryParts, bound: BoundGraph): Map<number, Tensor> {
  const constants = new Map<number, Tensor>();
  try {
    for (const node of bound.nodes.filter((n) => n.inputs.length === 0)) {
      const step: PlannedStep = { bound: node, op: node.op, attrs: node.attrs, inputs: [], output: node.output, release: [] };
      constants.set(node.output.id, parts.tf.tidy(() => (parts.kernels.get(node.op) as TfjsKernel).run({ tf: parts.tf, inputs: [], step, engine: parts.engine })));
    }
  } catch (error) {
    for (const t of constants.values()) t.dispose();
    throw error;
  }
  return constants;
}
