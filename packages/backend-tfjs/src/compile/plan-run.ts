import { IrError } from '@okapi/core';
import type { BoundGraph, BoundNode } from './bind-graph';
import type { ExecutionPlan, PlannedStep } from './execution-plan';
import { foldMatMulOperands } from './fold-transposes';

export interface PlanOptions {
  /** Fold last-two-dim Transposes into MatMul flags (false where tfjs's transposed matmul is slow). */
  readonly foldTransposes: boolean;
  /** Values computed once at compile time (constants); never released. */
  readonly precomputed: ReadonlySet<number>;
}

/** The steps needed for `outputNames`, in graph order, with dead nodes dropped and releases planned. */
export function planRun(graph: BoundGraph, outputNames: readonly string[], options: PlanOptions): ExecutionPlan {
  const outputs = outputNames.map((name) => {
    const o = graph.outputs.find((x) => x.name === name);
    if (o === undefined) throw new IrError(`Graph '${graph.name}' has no output '${name}'`, `Outputs: ${graph.outputs.map((x) => x.name).join(', ')}.`);
    return { name, id: o.value.id };
  });
  const producers = new Map<number, BoundNode>(graph.nodes.map((n) => [n.output.id, n]));
  const candidates = graph.nodes.filter((n) => !options.precomputed.has(n.output.id)).map((n) => toStep(n, producers, options));
  const steps = liveSteps(candidates, outputs.map((o) => o.id));
  return { steps: withReleases(steps, new Set(outputs.map((o) => o.id)), options.precomputed), outputs };
}

type Draft = Omit<PlannedStep, 'release'>;

function toStep(bound: BoundNode, producers: ReadonlyMap<number, BoundNode>, options: PlanOptions): Draft {
  const base = { bound, op: bound.op, attrs: bound.attrs, inputs: bound.inputs, output: bound.output };
  if (bound.op !== 'MatMul' || !options.foldTransposes) return base;
  const [a, b] = foldMatMulOperands(bound, producers);
  return { ...base, inputs: [a.value, b.value], transposed: [a.transposed, b.transposed] };
}

/** Backward sweep: keep the steps whose output some kept step or a requested output reads. */
function liveSteps(steps: readonly Draft[], wanted: readonly number[]): Draft[] {
  const needed = new Set(wanted);
  const kept: Draft[] = [];
  for (let i = steps.length - 1; i >= 0; i--) {
    if (!needed.has(steps[i].output.id)) continue;
    kept.push(steps[i]);
    for (const v of steps[i].inputs) needed.add(v.id);
  }
  return kept.reverse();
}

function withReleases(steps: readonly Draft[], outputs: ReadonlySet<number>, precomputed: ReadonlySet<number>): PlannedStep[] {
  const produced = new Set(steps.map((s) => s.output.id));
  const lastUse = new Map<number, number>();
  steps.forEach((s, i) => {
    lastUse.set(s.output.id, i);
    for (const v of s.inputs) lastUse.set(v.id, i);
  });
  const releasable = (id: number) => produced.has(id) && !outputs.has(id) && !precomputed.has(id);
  const releases: number[][] = steps.map(() => []);
  for (const [id, i] of lastUse) if (releasable(id)) releases[i].push(id);
  return steps.map((s, i) => ({ ...s, release: releases[i] }));
}

