import { createGraph, ops } from '@okapi/core';
import { bindGraph } from './bind-graph';
import { swapsLastTwo } from './fold-transposes';
import { planRun } from './plan-run';

/** dW = X^T @ dY and dX = dY @ W^T, as the IR's MatMul gradient writes them; plus an unused branch. */
function gradientLikeGraph() {
  const g = createGraph('grads');
  const x = g.input('x', 'float32', ['n', 3]);
  const w = g.input('w', 'float32', [3, 2]);
  const dy = g.input('dy', 'float32', ['n', 2]);
  g.output('dw', ops.matmul(ops.transposeLast2(x), dy));
  g.output('dx', ops.matmul(dy, ops.transposeLast2(w)));
  g.output('unused', ops.exp(x));
  return bindGraph(g, { n: 4 });
}

describe(planRun.name, () => {
  const precomputed = new Set<number>();

  it('folds last-two-dim transposes into MatMul flags and drops the transposes', () => {
    const plan = planRun(gradientLikeGraph(), ['dw', 'dx'], { foldTransposes: true, precomputed });
    expect(plan.steps.map((s) => s.op)).toEqual(['MatMul', 'MatMul']);
    expect(plan.steps.map((s) => s.transposed)).toEqual([[true, false], [false, true]]);
    expect(plan.steps[0].inputs[0].shape).toEqual([4, 3]);
  });

  it('keeps transposes as ops where the transposed matmul is slow (wasm)', () => {
    const plan = planRun(gradientLikeGraph(), ['dw', 'dx'], { foldTransposes: false, precomputed });
    expect(plan.steps.map((s) => s.op)).toEqual(['Transpose', 'MatMul', 'Transpose', 'MatMul']);
    expect(plan.steps.every((s) => s.transposed === undefined)).toBe(true);
  });

  it('runs only what the requested outputs need, releasing intermediates after their last reader', () => {
    const plan = planRun(gradientLikeGraph(), ['dx'], { foldTransposes: false, precomputed });
    expect(plan.steps.map((s) => s.op)).toEqual(['Transpose', 'MatMul']);
    expect(plan.steps[1].release).toEqual([plan.steps[0].output.id]);
    expect(plan.steps[0].release).toEqual([]);
  });

  it('rejects an unknown output name with the list of outputs', () => {
    expect(() => planRun(gradientLikeGraph(), ['dz'], { foldTransposes: true, precomputed })).toThrow("Graph 'grads' has no output 'dz'");
  });
});

describe(swapsLastTwo.name, () => {
  it('accepts only perms that swap the last two dims', () => {
    expect(swapsLastTwo([1, 0])).toBe(true);
    expect(swapsLastTwo([0, 1, 3, 2])).toBe(true);
    expect(swapsLastTwo([0, 2, 1, 3])).toBe(false);
    expect(swapsLastTwo([2, 1, 0])).toBe(false);
  });
});
