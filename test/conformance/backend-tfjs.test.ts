import onnxPlugin from '@okapi/backend-onnx';
import tfjsPlugin, { tfjsDescriptor, type TfjsBackend } from '@okapi/backend-tfjs';
import {
  BackendRegistry, bindShape, causalMask, createGraph, grad, hostTensor, maskToBias, numel, ops, rotaryCosSin, seededRandom, toFloat64, uniformValues,
  type Graph, type HostTensor, type TensorBackend, type Value,
} from '@okapi/core';
import { createTestScope, describeBackendConformance, type TestScope } from '@okapi/core/testing';

const scopes: TestScope[] = [];
afterAll(async () => {
  for (const s of scopes) await s.dispose();
});

/** The backend as the CLI resolves it (plugin registered, config validated), pinned to one tfjs engine. */
function tfjsOn(engine: 'cpu' | 'wasm'): () => TensorBackend {
  return () => {
    const scope = createTestScope({
      plugins: [tfjsPlugin],
      config: { backend: { name: 'tfjs', device: engine === 'wasm' ? 'wasm' : 'cpu' }, tfjs: { engine } },
    });
    scopes.push(scope);
    return scope.scope.resolve(tfjsDescriptor.useClass) as TfjsBackend;
  };
}

const noFloat64 = 'tfjs has no float64 tensors (not in capabilities.dtypes); compile refuses the graph with that message';
const options = {
  capabilities: tfjsDescriptor.capabilities,
  skip: { 'forward/Cast float32->float64': noFloat64, 'gradient/Cast float32->float64': noFloat64 },
};

describeBackendConformance('tfjs (pure-JS cpu engine)', tfjsOn('cpu'), options);
describeBackendConformance('tfjs (wasm engine)', tfjsOn('wasm'), options);

/** A LLaMA-style attention block, forward plus d(sum(y * r))/d(every float input). */
function randomBlockGraph(): Graph {
  const hidden = 16;
  const heads = 2;
  const headDim = hidden / heads;
  const g = createGraph('random-block');
  const x = g.input('x', 'float32', ['batch', 'seq', hidden]);
  const positions = g.input('positions', 'int64', ['batch', 'seq']);
  const [wq, wk, wv, wo, gate, up] = ['wq', 'wk', 'wv', 'wo', 'gate', 'up'].map((n) => g.input(n, 'float32', [hidden, hidden]));
  const norm = g.input('norm', 'float32', [hidden]);
  const split = (v: Value) => ops.transpose(ops.reshape(v, ['batch', 'seq', heads, headDim]), [0, 2, 1, 3]);
  const h = ops.rmsNorm(x, norm);
  const { cos, sin } = rotaryCosSin(positions, headDim);
  const q = ops.rotary(split(ops.matmul(h, wq)), cos, sin);
  const k = ops.rotary(split(ops.matmul(h, wk)), cos, sin);
  const bias = maskToBias(ops.unsqueeze(causalMask(positions, 'seq'), 1));
  const scores = ops.add(ops.mul(ops.matmul(q, ops.transposeLast2(k)), 1 / Math.sqrt(headDim)), bias);
  const attended = ops.reshape(ops.transpose(ops.matmul(ops.softmax(scores), split(ops.matmul(h, wv))), [0, 2, 1, 3]), ['batch', 'seq', hidden]);
  const x1 = ops.add(x, ops.matmul(attended, wo));
  const h2 = ops.rmsNorm(x1, norm);
  const y = ops.add(x1, ops.mul(ops.silu(ops.matmul(h2, gate)), ops.matmul(h2, up)));
  g.output('y', y);
  const wrt = [x, wq, wk, wv, wo, gate, up, norm];
  const r = g.input('r', 'float32', ['batch', 'seq', hidden]);
  grad(ops.reduceSum(ops.mul(y, r), [], false), wrt).forEach((d, i) => g.output(`grad:${wrt[i].name}`, d));
  return g;
}

function randomBlockFeeds(graph: Graph, dims: { batch: number; seq: number }): Record<string, HostTensor> {
  const random = seededRandom(42);
  return Object.fromEntries(graph.inputs.map((input) => {
    const shape = bindShape(input.shape, dims, 'feeds');
    const n = numel(shape);
    if (input.dtype === 'int64') return [input.name, hostTensor('int64', shape, Array.from({ length: n }, (_, i) => i % dims.seq))];
    return [input.name, hostTensor('float32', shape, uniformValues(random, n, -0.5, 0.5))];
  }));
}

async function runGraph(backend: TensorBackend, graph: Graph, feeds: Record<string, HostTensor>, dims: Record<string, number>): Promise<Record<string, Float64Array>> {
  const session = await backend.compile(graph, { dims });
  const uploaded = Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, backend.upload(v)]));
  const out = await session.run(uploaded);
  const result: Record<string, Float64Array> = {};
  for (const [name, t] of Object.entries(out)) result[name] = toFloat64(await backend.download(t));
  [...Object.values(uploaded), ...Object.values(out)].forEach((t) => t.dispose());
  await session.dispose();
  return result;
}

describe('tfjs and onnx backends', () => {
  it('agree on a random transformer-block graph, forward and every gradient', async () => {
    const scope = createTestScope({ plugins: [tfjsPlugin, onnxPlugin], config: { backend: { name: 'auto', device: 'cpu', threads: 2 } } });
    scopes.push(scope);
    const registry = scope.scope.resolve(BackendRegistry);
    const backends = await Promise.all(['tfjs', 'onnx'].map(async (name) => {
      const choice = await registry.select({ name, device: 'cpu' });
      const backend = scope.scope.resolve(choice.descriptor.useClass);
      await backend.init();
      return backend;
    }));
    const graph = randomBlockGraph();
    const dims = { batch: 2, seq: 6 };
    const feeds = randomBlockFeeds(graph, dims);
    const [tfjs, onnx] = await Promise.all(backends.map((b) => runGraph(b, graph, feeds, dims)));
    const disagreements = Object.keys(onnx).flatMap((name) => {
      const worst = onnx[name].reduce((w, e, i) => Math.max(w, Math.abs(tfjs[name][i] - e) / (2e-4 + 2e-3 * Math.abs(e))), 0);
      return worst > 1 ? [`${name}: off by ${worst.toFixed(1)}x the tolerance`] : [];
    });
    expect(Object.keys(tfjs).sort()).toEqual(Object.keys(onnx).sort());
    expect(disagreements).toEqual([]);
    for (const b of backends) {
      expect(b.memory().tensors).toBe(0);
      await b.dispose();
    }
  }, 30_000);
});
