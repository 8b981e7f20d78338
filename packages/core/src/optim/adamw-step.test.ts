import { createGraph, fromHost, hostTensor, ReferenceProgram, type RefTensor } from '../ir';
import { adamWNames as names } from './adamw-names';
import { appendAdamW } from './adamw-step';
import { buildAccumulateGraph, buildAdamWApplyGraph, buildTrainStepGraph } from './training-graph';
import { mlpForward } from '../testing/backend-conformance-models';
import { initialParams } from '../testing/backend-conformance-fit';
import { mlpData } from '../testing/backend-conformance-data';

/** torch.optim.AdamW's documented update, written out independently, for one tensor. */
function torchAdamW(p: number[], g: number[], m: number[], v: number[], t: number, lr: number, b1: number, b2: number, eps: number, wd: number) {
  return p.map((_, i) => {
    const decayed = p[i] * (1 - lr * wd);
    m[i] = b1 * m[i] + (1 - b1) * g[i];
    v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
    const mHat = m[i] / (1 - b1 ** t);
    const vHat = v[i] / (1 - b2 ** t);
    return decayed - (lr * mHat) / (Math.sqrt(vHat) + eps);
  });
}

const f64 = (shape: number[], values: number[]) => fromHost(hostTensor('float64', shape, values));

describe('AdamW as graph ops', () => {
  it('matches the PyTorch AdamW formula over three steps, with clipping and a no-decay slot', () => {
    const g = createGraph('adamw');
    const w = g.input('w', 'float64', [3]);
    const b = g.input('b', 'float64', [1]);
    const gw = g.input('gw', 'float64', [3]);
    const gb = g.input('gb', 'float64', [1]);
    appendAdamW([{ name: 'w', param: w, grad: gw }, { name: 'b', param: b, grad: gb, decay: false }], { beta1: 0.9, beta2: 0.95, eps: 1e-8, weightDecay: 0.1, maxGradNorm: 1 });
    const program = new ReferenceProgram(g);
    let p = { w: [0.5, -1, 2], b: [0.3] };
    const grads = { w: [3, -4, 0], b: [12] }; // norm 13 -> clipped by 1 / (13 + 1e-6)
    const coef = 1 / (13 + 1e-6);
    const ref = { w: { m: [0, 0, 0], v: [0, 0, 0], p: [...p.w] }, b: { m: [0], v: [0], p: [...p.b] } };
    let state: Record<string, RefTensor> = { 'm:w': f64([3], [0, 0, 0]), 'v:w': f64([3], [0, 0, 0]), 'm:b': f64([1], [0]), 'v:b': f64([1], [0]) };
    for (let t = 1; t <= 3; t++) {
      const out = program.run({ ...state, w: f64([3], p.w), b: f64([1], p.b), gw: f64([3], grads.w), gb: f64([1], grads.b), lr: f64([], [0.01]), step: f64([], [t]), gradScale: f64([], [1]) });
      ref.w.p = torchAdamW(ref.w.p, grads.w.map((x) => x * coef), ref.w.m, ref.w.v, t, 0.01, 0.9, 0.95, 1e-8, 0.1);
      ref.b.p = torchAdamW(ref.b.p, grads.b.map((x) => x * coef), ref.b.m, ref.b.v, t, 0.01, 0.9, 0.95, 1e-8, 0);
      expect(out.gradNorm.data[0]).toBeCloseTo(13, 10);
      // lr, step and the betas are float32 scalars in the graph, so agreement is to float32 rounding of those
      [...out['new:w'].data].forEach((x, i) => expect(x).toBeCloseTo(ref.w.p[i], 8));
      expect(out['new:b'].data[0]).toBeCloseTo(ref.b.p[0], 8);
      p = { w: [...out['new:w'].data], b: [...out['new:b'].data] };
      state = { 'm:w': out['new:m:w'], 'v:w': out['new:v:w'], 'm:b': out['new:m:b'], 'v:b': out['new:v:b'] };
    }
  });

  it('accumulating two half batches with gradScale 0.5 equals one step on the whole batch', () => {
    const forward = mlpForward({ inputs: 4, hidden: 3, outputs: 1 }, 'rows');
    const params = Object.fromEntries(Object.entries(initialParams(forward, 3)).map(([k, v]) => [k, fromHost(v)]));
    const data = mlpData(8);
    const zeros = (t: RefTensor) => ({ ...t, data: new Float64Array(t.data.length) });
    const moments = Object.fromEntries(Object.entries(params).flatMap(([k, v]) => [[names.firstMoment(k), zeros(v)], [names.secondMoment(k), zeros(v)]]));
    const scalars = { lr: f64([], [0.1]), step: f64([], [1]) };
    const whole = new ReferenceProgram(buildTrainStepGraph(forward), { rows: 8 }).run({ ...params, ...moments, ...scalars, gradScale: f64([], [1]), x: fromHost(data.x), y: fromHost(data.y) });

    const accumulate = new ReferenceProgram(buildAccumulateGraph(forward), { rows: 4 });
    let acc = Object.fromEntries(Object.entries(params).map(([k, v]) => [names.accumulator(k), zeros(v)]));
    for (const half of [0, 1]) {
      const rows = (t: RefTensor, width: number) => ({ ...t, shape: [4, width], data: t.data.slice(half * 4 * width, (half + 1) * 4 * width) });
      const out = accumulate.run({ ...params, ...acc, x: rows(fromHost(data.x), 4), y: rows(fromHost(data.y), 1) });
      acc = Object.fromEntries(Object.keys(params).map((k) => [names.accumulator(k), out[names.updatedAccumulator(k)]]));
    }
    const specs = Object.entries(params).map(([name, t]) => ({ name, dtype: t.dtype, shape: t.shape, decay: !name.endsWith('bias') }));
    const grads = Object.fromEntries(Object.keys(params).map((k) => [names.grad(k), acc[names.accumulator(k)]]));
    const applied = new ReferenceProgram(buildAdamWApplyGraph(specs)).run({ ...params, ...moments, ...scalars, ...grads, gradScale: f64([], [0.5]) });
    for (const name of Object.keys(params)) {
      [...applied[names.updatedParam(name)].data].forEach((x, i) => expect(x).toBeCloseTo(whole[names.updatedParam(name)].data[i], 10));
    }
    expect(applied.gradNorm.data[0]).toBeCloseTo(whole.gradNorm.data[0], 10);
  });
});
