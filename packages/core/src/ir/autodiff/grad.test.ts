import { createGraph } from '../create-graph';
import { hostTensor } from '../host-tensor';
import { interpret } from '../interpret/reference-program';
import * as ops from '../ops/functions';
import { grad } from './grad';

describe(grad.name, () => {
  it('accumulates gradients over fan-out: d(x*x + x)/dx = 2x + 1', () => {
    const g = createGraph('t');
    const x = g.input('x', 'float64', [3]);
    const [dx] = grad(ops.reduceSum(ops.add(ops.mul(x, x), x), [], false), [x]);
    g.output('dx', dx);
    expect([...interpret(g, { x: hostTensor('float64', [3], [1, -2, 0.5]) }).dx.data]).toEqual([3, -3, 2]);
  });

  it('returns zeros for values the loss does not depend on', () => {
    const g = createGraph('t');
    const x = g.input('x', 'float32', [2]);
    const unused = g.input('unused', 'float32', [2, 2]);
    const [, du] = grad(ops.reduceSum(ops.exp(x), [], false), [x, unused]);
    g.output('du', du);
    const out = interpret(g, { x: hostTensor('float32', [2], [0, 1]), unused: hostTensor('float32', [2, 2], [1, 2, 3, 4]) });
    expect(out.du.shape).toEqual([2, 2]);
    expect([...out.du.data]).toEqual([0, 0, 0, 0]);
  });

  it('differentiates graphs with symbolic dims (mean over a symbolic axis), bound at run time', () => {
    const g = createGraph('t');
    const x = g.input('x', 'float64', ['batch', 'seq']);
    const w = g.input('w', 'float64', ['seq']);
    const loss = ops.reduceMean(ops.mul(ops.mul(x, w), x), [], false);
    const [dx, dw] = grad(loss, [x, w]);
    expect(dx.shape).toEqual(['batch', 'seq']);
    g.output('dx', dx);
    g.output('dw', dw);
    const xs = [1, 2, 3, 4, 5, 6];
    const ws = [0.5, -1, 2];
    const out = interpret(g, { x: hostTensor('float64', [2, 3], xs), w: hostTensor('float64', [3], ws) });
    // loss = mean(w_j x_ij^2): dx_ij = 2 w_j x_ij / 6, dw_j = sum_i x_ij^2 / 6
    [...out.dx.data].forEach((v, k) => expect(v).toBeCloseTo((2 * ws[k % 3] * xs[k]) / 6, 12));
    [1 + 16, 4 + 25, 9 + 36].forEach((s, j) => expect(out.dw.data[j]).toBeCloseTo(s / 6, 12));
  });
});
