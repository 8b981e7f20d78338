import { opCases } from '../../testing/backend-conformance-cases';
import { caseFeeds } from '../check/gradient-check';
import { createGraph } from '../create-graph';
import { coreOps } from '../ops/all-ops';
import { interpret } from './reference-program';

function run(c: (typeof opCases)[number], decompose = false) {
  const g = createGraph(c.name);
  const inputs = c.inputs.map((i) => g.input(i.name, i.dtype, i.shape));
  g.output('y', c.build(inputs));
  return interpret(g, caseFeeds(c), { decompose }).y;
}

describe('reference interpreter', () => {
  it('has a case for every core op', () => {
    const covered = new Set(opCases.map((c) => c.op));
    expect(coreOps.list().map((d) => d.name).filter((n) => !covered.has(n))).toEqual([]);
  });

  it('has a hand-computed case for every core op', () => {
    const handChecked = new Set(opCases.filter((c) => c.expected).map((c) => c.op));
    expect(coreOps.list().map((d) => d.name).filter((n) => !handChecked.has(n))).toEqual([]);
  });

  it.each(opCases.filter((c) => c.expected).map((c) => [c.name, c] as const))('%s matches hand-computed values', (_name, c) => {
    const y = run(c);
    if (c.expectedShape) expect(y.shape).toEqual(c.expectedShape);
    expect(y.data.length).toBe(c.expected?.length);
    // inputs are float32, so values carry float32 rounding
    c.expected?.forEach((v, i) => expect(y.data[i]).toBeCloseTo(v, 6));
  });

  const fused = new Set(coreOps.list().filter((d) => d.fused).map((d) => d.name));
  it.each(opCases.filter((c) => fused.has(c.op)).map((c) => [c.name, c] as const))('%s: decomposition agrees with the fused kernel', (_name, c) => {
    const direct = run(c);
    const decomposed = run(c, true);
    expect(decomposed.shape).toEqual(direct.shape);
    // decompositions hold their constants (sqrt(2/pi), eps) as float32 scalars
    direct.data.forEach((v, i) => expect(decomposed.data[i]).toBeCloseTo(v, 7));
  });
});
