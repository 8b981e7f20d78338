import { createGraph, hostTensor, interpret, ops, seededRandom, uniformValues, type Graph, type HostTensor } from '@okapi/core';
import { createTestScope, type TestScope } from '@okapi/core/testing';
import { onnx } from 'onnx-proto';
import { OnnxBackend } from '../onnx-backend';
import onnxPlugin from '../plugin';

/** One fused op on seeded inputs; Rotary gets real HF cos/sin tables (equal halves), as models build them. */
function fusedCase(op: 'RMSNorm' | 'Gelu' | 'Rotary'): { graph: Graph; feeds: Record<string, HostTensor> } {
  const random = seededRandom(11);
  const g = createGraph(op);
  const feeds: Record<string, HostTensor> = {};
  const input = (name: string, shape: number[], values = uniformValues(random, shape.reduce((a, b) => a * b, 1))) => {
    feeds[name] = hostTensor('float32', shape, values);
    return g.input(name, 'float32', shape);
  };
  const x = input('x', [2, 2, 3, 8]);
  if (op === 'RMSNorm') g.output('y', ops.rmsNorm(x, input('scale', [8]), 1e-6));
  if (op === 'Gelu') g.output('y', ops.gelu(x));
  if (op === 'Rotary') {
    const angle = (p: number, j: number) => p / 10000 ** ((2 * (j % 4)) / 8);
    const table = (f: (a: number) => number) => Array.from({ length: 24 }, (_, i) => f(angle(Math.floor(i / 8), i % 8)));
    g.output('y', ops.rotary(x, input('cos', [1, 1, 3, 8], table(Math.cos)), input('sin', [1, 1, 3, 8], table(Math.sin))));
  }
  return { graph: g, feeds };
}

describe('fused kernels', () => {
  const scopes: TestScope[] = [];
  afterAll(async () => { for (const s of scopes) await s.dispose(); });

  async function backendWith(fusedKernels: boolean | string[]): Promise<OnnxBackend> {
    const scope = createTestScope({ plugins: [onnxPlugin], config: { backend: { threads: 1 }, onnx: { fusedKernels } } });
    scopes.push(scope);
    const backend = scope.scope.resolve(OnnxBackend);
    await backend.init();
    return backend;
  }

  it.each([
    ['RMSNorm', 'SimplifiedLayerNormalization'],
    ['Gelu', 'FastGelu'],
    ['Rotary', 'RotaryEmbedding'],
  ] as const)('%s as %s matches the float64 reference', async (op, contribOp) => {
    const { graph, feeds } = fusedCase(op);
    const sut = await backendWith([op]);
    const opTypes = onnx.ModelProto.decode(sut.lower(graph, {})).graph!.node.map((n) => n.opType);
    expect(opTypes).toContain(contribOp);
    const session = await sut.compile(graph);
    const inputs = Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, sut.upload(v)]));
    const got = (await sut.download((await session.run(inputs)).y)).data as Float32Array;
    const want = interpret(graph, feeds).y.data;
    want.forEach((w, i) => expect(Math.abs(got[i] - w)).toBeLessThan(1e-5 + 1e-4 * Math.abs(w)));
    await sut.dispose();
  });

  it('fuses a residual Add + RMSNorm into SkipSimplifiedLayerNormalization, keeping the sum for later uses', async () => {
    const random = seededRandom(5);
    const g = createGraph('residual');
    const feeds: Record<string, HostTensor> = {};
    const input = (name: string, shape: number[]) => {
      feeds[name] = hostTensor('float32', shape, uniformValues(random, shape.reduce((a, b) => a * b, 1)));
      return g.input(name, 'float32', shape);
    };
    const residual = ops.add(input('x', [2, 3, 8]), input('attn', [2, 3, 8]));
    const normed = ops.rmsNorm(residual, input('scale', [8]), 1e-6);
    g.output('y', ops.add(residual, ops.mul(normed, 2))); // the sum lives on past the norm
    g.output('sum', residual);
    const sut = await backendWith(true);
    const types = onnx.ModelProto.decode(sut.lower(g, {})).graph!.node.map((n) => n.opType);
    expect(types).toContain('SkipSimplifiedLayerNormalization');
    expect(types.filter((t) => t === 'Add')).toHaveLength(1); // only the final add remains
    const session = await sut.compile(g);
    const out = await session.run(Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, sut.upload(v)])));
    const want = interpret(g, feeds);
    for (const name of ['y', 'sum']) {
      const got = (await sut.download(out[name])).data as Float32Array;
      want[name].data.forEach((w, i) => expect(Math.abs(got[i] - w)).toBeLessThan(1e-5 + 1e-4 * Math.abs(w)));
    }
    await sut.dispose();
  });

  it('keeps the opt-in Rotary kernel out unless named, and uses no contrib op when fused kernels are off', async () => {
    const byDefault = await backendWith(true);
    const off = await backendWith(false);
    const types = (b: OnnxBackend, g: Graph) => onnx.ModelProto.decode(b.lower(g, {})).graph!.node.map((n) => n.opType);
    expect(types(byDefault, fusedCase('Rotary').graph)).not.toContain('RotaryEmbedding');
    expect(types(byDefault, fusedCase('RMSNorm').graph)).toContain('SimplifiedLayerNormalization');
    expect(types(off, fusedCase('RMSNorm').graph)).not.toContain('SimplifiedLayerNormalization');
    expect(types(off, fusedCase('Gelu').graph)).not.toContain('FastGelu');
  });
});
