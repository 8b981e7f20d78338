import { causalMask, createGraph, grad, hostTensor, maskToBias, ops, ReferenceBackend, rotaryCosSin, type Graph, type HostTensor, type Value } from '@okapi/core';
import { backendUnderTest, randomFeeds, runOnce, worstMismatch, type BackendUnderTest, type TestEngine } from './__tests__/backend-under-test';

const dims = { batch: 2, seq: 5 };
const hidden = 8;
const heads = 2;

/** A LLaMA-style attention block with d(sum(y * r))/d(every input) as extra outputs. */
function blockWithGradients(): Graph {
  const g = createGraph('block');
  const x = g.input('x', 'float32', ['batch', 'seq', hidden]);
  const positions = g.input('positions', 'int64', ['batch', 'seq']);
  const weights = ['wq', 'wk', 'wv', 'wo', 'up'].map((n) => g.input(n, 'float32', [hidden, hidden]));
  const norm = g.input('norm', 'float32', [hidden]);
  const [wq, wk, wv, wo, up] = weights;
  const headDim = hidden / heads;
  const split = (v: Value) => ops.transpose(ops.reshape(v, ['batch', 'seq', heads, headDim]), [0, 2, 1, 3]);
  const h = ops.rmsNorm(x, norm);
  const { cos, sin } = rotaryCosSin(positions, headDim);
  const q = ops.rotary(split(ops.matmul(h, wq)), cos, sin);
  const k = ops.rotary(split(ops.matmul(h, wk)), cos, sin);
  const bias = maskToBias(ops.unsqueeze(causalMask(positions, 'seq'), 1));
  const scores = ops.add(ops.mul(ops.matmul(q, ops.transposeLast2(k)), 1 / Math.sqrt(headDim)), bias);
  const attended = ops.matmul(ops.softmax(scores), split(ops.matmul(h, wv)));
  const merged = ops.reshape(ops.transpose(attended, [0, 2, 1, 3]), ['batch', 'seq', hidden]);
  const x1 = ops.add(x, ops.matmul(merged, wo));
  const y = ops.add(x1, ops.silu(ops.matmul(ops.layerNorm(x1, norm, ops.mul(norm, 0.1)), up)));
  g.output('y', y);
  const r = g.input('r', 'float32', ['batch', 'seq', hidden]);
  const wrt = [x, ...weights, norm];
  grad(ops.reduceSum(ops.mul(y, r), [], false), wrt).forEach((d, i) => g.output(`grad:${wrt[i].name}`, d));
  return g;
}

/** Each fused op on its own; the reference runs the decomposition in float64. */
const fusedGraphs: Record<string, (g: Graph) => Value> = {
  Gelu: (g) => ops.gelu(g.input('x', 'float32', [3, 4])),
  LayerNorm: (g) => ops.layerNorm(g.input('x', 'float32', [3, 4]), g.input('s', 'float32', [4]), g.input('b', 'float32', [4]), 1e-5),
  RMSNorm: (g) => ops.rmsNorm(g.input('x', 'float32', [3, 4]), g.input('s', 'float32', [4])),
  Silu: (g) => ops.silu(g.input('x', 'float32', [3, 4])),
  Rotary: (g) => ops.rotary(g.input('x', 'float32', [2, 3, 4]), g.input('c', 'float32', [3, 4]), g.input('s', 'float32', [3, 4])),
  CrossEntropy: (g) => ops.crossEntropy(g.input('x', 'float32', [4, 5]), g.constant(hostTensor('int64', [4], [1, -100, 4, 0]))),
  LogSoftmaxGather: (g) => ops.logSoftmaxGather(g.input('x', 'float32', [2, 2, 5]), g.constant(hostTensor('int32', [2, 2], [0, 4, 2, 3]))),
  AlibiBias: (g) => ops.add(ops.alibiBias(g.constant(hostTensor('int64', [2, 4], [1, 1, 1, 0, 0, 1, 1, 1])), 3), g.input('x', 'float32', [1])),
};

/** MatMul operand shapes that take each kernel path: rows @ matrix, per batch, broadcast batches. */
const matMulShapes: readonly (readonly [number[], number[]])[] = [
  [[2, 3, 4], [4, 5]], [[2, 3, 4], [1, 4, 5]], [[3, 4], [2, 4, 5]], [[2, 3, 4], [2, 4, 5]], [[1, 3, 4], [2, 4, 5]], [[2, 1, 3, 4], [1, 3, 4, 5]],
  [[2, 256, 3], [2, 3, 4]], // tall enough for one 2-D matmul per batch entry on wasm
];

describe.each<TestEngine>(['cpu', 'wasm'])('the tfjs backend (%s) agrees with the float64 reference interpreter', (engine) => {
  let sut: BackendUnderTest;
  const reference = new ReferenceBackend();
  beforeAll(async () => { sut = await backendUnderTest(engine); }, 30_000);
  afterAll(async () => { await sut.dispose(); });

  it('on a random attention block, forward and every gradient', async () => {
    const graph = blockWithGradients();
    const feeds: Record<string, HostTensor> = {
      ...randomFeeds(graph, dims, 11, -0.5, 0.5),
      positions: hostTensor('int64', [2, 5], [0, 1, 2, 3, 4, 0, 1, 2, 3, 4]),
    };
    const actual = await runOnce(sut.backend, graph, feeds, { dims });
    const expected = await runOnce(reference, graph, feeds, { dims });
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    const worst = Object.keys(expected).map((name) => [name, worstMismatch(actual[name], expected[name], 2e-4, 2e-5)] as const).filter(([, w]) => w > 1);
    expect(worst).toEqual([]);
    expect(sut.backend.memory().tensors).toBe(0);
  }, 30_000);

  it.each(matMulShapes)('MatMul %j @ %j, with both gradients', async (aShape, bShape) => {
    const g = createGraph('matmul');
    const a = g.input('a', 'float32', aShape);
    const b = g.input('b', 'float32', bShape);
    const y = ops.matmul(a, b);
    g.output('y', y);
    const [da, db] = grad(ops.reduceSum(ops.mul(y, g.input('r', 'float32', y.shape as number[])), [], false), [a, b]);
    g.output('da', da);
    g.output('db', db);
    const feeds = randomFeeds(g, {}, 7);
    const actual = await runOnce(sut.backend, g, feeds);
    const expected = await runOnce(reference, g, feeds);
    for (const name of ['y', 'da', 'db']) expect([name, actual[name].shape, worstMismatch(actual[name], expected[name]) <= 1]).toEqual([name, expected[name].shape, true]);
  });

  it.each(Object.keys(fusedGraphs))('%s: the native kernel matches the decomposition', async (op) => {
    const g = createGraph(op);
    g.output('y', fusedGraphs[op](g));
    const feeds = randomFeeds(g, {}, 3, -2, 2);
    const native = await runOnce(sut.backend, g, feeds);
    const decomposed = await runOnce(sut.backend, g, feeds, { decompose: 'all' });
    const expected = await runOnce(reference, g, feeds, { decompose: 'all' });
    expect(native.y.shape).toEqual(expected.y.shape);
    expect(worstMismatch(native.y, expected.y)).toBeLessThanOrEqual(1);
    expect(worstMismatch(decomposed.y, expected.y)).toBeLessThanOrEqual(1);
  }, 15_000);
});
