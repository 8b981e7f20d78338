import { opCases } from '../../testing/backend-conformance-cases';
import { finiteDifferenceCheck, isGradientCase } from '../check/gradient-check';
import { coreOps } from '../ops/all-ops';

const differentiable = opCases.filter(isGradientCase);

describe('gradient rules vs central finite differences (float64 reference)', () => {
  it('covers every differentiable op', () => {
    const covered = new Set(differentiable.map((c) => c.op));
    // AlibiBias takes only the integer attention mask, so it has nothing to differentiate
    const ops = coreOps.list().filter((d) => (d.grad || d.fused) && d.name !== 'AlibiBias').map((d) => d.name);
    expect(ops.filter((n) => !covered.has(n))).toEqual([]);
  });

  it.each(differentiable.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(finiteDifferenceCheck(c)).toEqual([]);
  });
});
