import { grad } from '../autodiff/grad';
import { createGraph } from '../create-graph';
import type { Graph } from '../graph';
import { hostTensor, type HostTensor } from '../host-tensor';
import { isFloat } from '../ops/op-kit';
import { mul } from '../ops/mul';
import { reduceSum } from '../ops/reduce-sum';
import { fromHost, type RefTensor } from '../interpret/ref-tensor';
import { ReferenceProgram } from '../interpret/reference-program';
import { numel } from '../shape';
import type { CaseInput, OpCase } from './op-case';
import { seededRandom, uniformValues } from './seeded-random';

/** The values fed to a case's inputs (given, or seeded uniform draws). */
export function caseFeeds(c: OpCase, seed = 1): Record<string, HostTensor> {
  const random = seededRandom(seed);
  return Object.fromEntries(c.inputs.map((i) => {
    const [lo, hi] = i.range ?? [-1, 1];
    const values = i.values ?? uniformValues(random, numel(i.shape), lo, hi);
    return [i.name, hostTensor(i.dtype, i.shape, values)];
  }));
}

/** Whether a case is gradient-checked: a differentiable op with a float output and float inputs. */
export function isGradientCase(c: OpCase): boolean {
  if (c.noGradient !== undefined || differentiableInputs(c).length === 0) return false;
  const g = createGraph(c.name);
  const y = c.build(c.inputs.map((i) => g.input(i.name, i.dtype, i.shape)));
  const def = g.registry.get(y.node?.op ?? 'Constant');
  return isFloat(y.dtype) && (def.grad !== undefined || def.fused === true);
}

export function differentiableInputs(c: OpCase): CaseInput[] {
  return c.inputs.filter((i) => isFloat(i.dtype) && i.differentiable !== false);
}

/**
 * A graph computing loss = sum(op(inputs) * weights) (weights: a fixed random input named
 * '__weights') with outputs 'loss' and 'grad:<input>' for every differentiable input.
 */
export function gradientGraph(c: OpCase): Graph {
  const g = createGraph(`grad-${c.name}`);
  const inputs = c.inputs.map((i) => g.input(i.name, i.dtype, i.shape));
  const y = c.build(inputs);
  const weights = g.input('__weights', y.dtype, y.shape);
  const loss = reduceSum(mul(y, weights), [], false);
  g.output('loss', loss);
  const wrt = differentiableInputs(c).map((i) => inputs[c.inputs.indexOf(i)]);
  grad(loss, wrt).forEach((d, k) => g.output(`grad:${wrt[k].name}`, d));
  return g;
}

/** Feeds for `gradientGraph(c)`: the case's inputs plus seeded loss weights in [0.5, 1.5). */
export function gradientFeeds(c: OpCase, graph: Graph, seed = 1): Record<string, HostTensor> {
  const weights = graph.inputNamed('__weights');
  const shape = weights.shape as number[];
  return { ...caseFeeds(c, seed), __weights: hostTensor(weights.dtype, shape, uniformValues(seededRandom(seed + 99), numel(shape), 0.5, 1.5)) };
}

export interface GradientMismatch { input: string; index: number; analytic: number; numeric: number }

/** Central differences of the loss on the float64 reference vs the graph's own gradients. */
export function finiteDifferenceCheck(c: OpCase, options: { seed?: number; step?: number; rtol?: number; atol?: number } = {}): GradientMismatch[] {
  const { seed = 1, step = 1e-6, rtol = 1e-5, atol = 1e-6 } = options;
  const graph = gradientGraph(c);
  const program = new ReferenceProgram(graph);
  const feeds: Record<string, RefTensor> = Object.fromEntries(Object.entries(gradientFeeds(c, graph, seed)).map(([k, v]) => [k, fromHost(v)]));
  const analytic = program.run(feeds);
  const mismatches: GradientMismatch[] = [];
  for (const input of differentiableInputs(c)) {
    const data = feeds[input.name].data;
    const g = analytic[`grad:${input.name}`].data;
    for (let k = 0; k < data.length; k++) {
      const saved = data[k];
      data[k] = saved + step;
      const plus = program.run(feeds).loss.data[0];
      data[k] = saved - step;
      const minus = program.run(feeds).loss.data[0];
      data[k] = saved;
      const numeric = (plus - minus) / (2 * step);
      if (!(Math.abs(g[k] - numeric) <= atol + rtol * Math.abs(numeric))) mismatches.push({ input: input.name, index: k, analytic: g[k], numeric });
    }
  }
  return mismatches;
}
