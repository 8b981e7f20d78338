import { ReferenceBackend } from '../../ir/interpret/reference-backend';
import { hostTensor } from '../../ir/host-tensor';
import { ops, type Graph } from '../../ir';
import type { ForwardFn } from '../../optim/training-graph';
import { ParameterStore } from './parameter-store';
import { StepRunner, type MicroBatch } from './step-runner';

// loss = mean((x·w − y)²) with w [2, 1] trainable and b [1] frozen (added, never updated)
const forward: ForwardFn = (g: Graph) => {
  const x = g.input('x', 'float32', ['batch', 2]);
  const y = g.input('y', 'float32', ['batch', 1]);
  const w = g.input('w', 'float32', [2, 1]);
  const b = g.input('b', 'float32', [1]);
  const diff = ops.sub(ops.add(ops.matmul(x, w), b), y);
  return { loss: ops.reduceMean(ops.mul(diff, diff), [], false), params: [{ name: 'w', value: w }] };
};

const X = [[1, 2], [3, 4], [-1, 0.5], [2, -2]];
const Y = [1, 2, 0, -1];

describe(StepRunner.name, () => {
  let backend: ReferenceBackend;
  beforeEach(async () => { backend = new ReferenceBackend(); await backend.init(); });
  afterEach(() => backend.dispose());

  const weights = () => new Map([['w', hostTensor('float32', [2, 1], [0.5, -0.25])], ['b', hostTensor('float32', [1], [0.1])]]);
  const batch = (rows: number[]): MicroBatch => ({
    feeds: {
      x: backend.upload(hostTensor('float32', [rows.length, 2], rows.flatMap((r) => X[r]!))),
      y: backend.upload(hostTensor('float32', [rows.length, 1], rows.map((r) => Y[r]!))),
    },
    dims: { batch: rows.length },
  });
  const adamW = { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.1 };
  const specs = [{ name: 'w', dtype: 'float32' as const, shape: [2, 1] }];

  it('one step equals a hand-computed AdamW step (bias-corrected first step = lr·sign(g))', async () => {
    const store = ParameterStore.upload(backend, weights(), ['w']);
    const sut = new StepRunner(backend, forward, store, adamW, specs);
    const result = await sut.step([batch([0, 1, 2, 3])], 0.01, 1);
    // residuals r_i = x_i·w + b − y_i; dL/dw = (2/4) Σ r_i x_i
    const r = X.map((x, i) => x[0]! * 0.5 + x[1]! * -0.25 + 0.1 - Y[i]!);
    const g = [0, 1].map((j) => 0.5 * r.reduce((s, ri, i) => s + ri * X[i]![j]!, 0));
    const expected = [0.5, -0.25].map((p, j) => p * (1 - 0.01 * 0.1) - 0.01 * g[j]! / (Math.abs(g[j]!) + 1e-8));
    const updated = (await store.downloadWeights()).get('w')!;
    expect(Array.from(updated.data as Float32Array)).toEqual(expected.map((e) => expect.closeTo(e, 6)));
    expect(result.loss).toBeCloseTo(r.reduce((s, ri) => s + ri * ri, 0) / 4, 6);
    expect(result.gradNorm).toBeCloseTo(Math.hypot(...g), 5);
    expect(Array.from((await store.downloadWeights()).get('b')!.data as Float32Array)).toEqual([expect.closeTo(0.1, 7)]);
    await sut.dispose();
    store.dispose();
  });

  it('two accumulated micro-batches equal one step on the whole batch, for several steps', async () => {
    const fused = ParameterStore.upload(backend, weights(), ['w']);
    const accumulated = ParameterStore.upload(backend, weights(), ['w']);
    const a = new StepRunner(backend, forward, fused, adamW, specs);
    const b = new StepRunner(backend, forward, accumulated, adamW, specs);
    for (let step = 1; step <= 3; step++) {
      const one = await a.step([batch([0, 1, 2, 3])], 0.05, step);
      const two = await b.step([batch([0, 1]), batch([2, 3])], 0.05, step);
      expect(two.loss).toBeCloseTo(one.loss, 6);
      expect(two.gradNorm).toBeCloseTo(one.gradNorm, 6);
    }
    const wa = Array.from((await fused.downloadWeights()).get('w')!.data as Float32Array);
    const wb = Array.from((await accumulated.downloadWeights()).get('w')!.data as Float32Array);
    expect(wb).toEqual(wa.map((x) => expect.closeTo(x, 6)));
    const moments = await accumulated.downloadMoments();
    expect(moments.m.get('w')!.shape).toEqual([2, 1]);
    await a.dispose();
    await b.dispose();
    fused.dispose();
    accumulated.dispose();
  });
});
