/// <reference types="jest" />
import { createGraph, fromHost, inferDims, ReferenceProgram, type Graph, type HostTensor } from '../ir';
import type { OpCase } from '../ir/check/op-case';
import { caseFeeds } from '../ir/check/gradient-check';
import type { ConformanceContext } from './backend-conformance';
import { mismatches, runOnBackend, type Tolerance } from './backend-conformance-run';

/** One op case forward: hand-computed values when the case has them, else the float64 reference. */
export async function checkForward(ctx: ConformanceContext, c: OpCase): Promise<void> {
  const g = createGraph(c.name);
  const y = c.build(c.inputs.map((i) => g.input(i.name, i.dtype, i.shape)));
  g.output('y', y);
  const feeds = caseFeeds(c);
  if (c.expected === undefined) return checkAgainstReference(ctx, g, feeds, ctx.forwardTol);
  const out = await runOnBackend(ctx.backend(), g, feeds, ctx.options.compile);
  expect(out.y.dtype).toBe(y.dtype);
  expect(mismatches('y', out.y, c.expected, c.expectedShape, ctx.forwardTol)).toEqual([]);
}

/** Runs a graph on the backend and on the reference interpreter; every output must agree. */
export async function checkAgainstReference(ctx: ConformanceContext, graph: Graph, feeds: Record<string, HostTensor>, tol: Tolerance): Promise<void> {
  const reference = new ReferenceProgram(graph, inferDims(graph, feeds)).run(Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, fromHost(v)])));
  const out = await runOnBackend(ctx.backend(), graph, feeds, ctx.options.compile);
  const problems = graph.outputs.flatMap(({ name }) => mismatches(name, out[name], reference[name].data, reference[name].shape, tol));
  expect(problems).toEqual([]);
}
