import { createGraph, hostTensor, interpret, ops, seededRandom, uniformValues } from '@okapi/core';
import { createTestScope, type TestScope } from '@okapi/core/testing';
import { onnx } from 'onnx-proto';
import { OnnxBackend } from '../onnx-backend';
import onnxPlugin from '../plugin';

const [batch, heads, seq, d] = [2, 3, 4, 8];

/** HF tables per row: row 0 at positions 0..3, row 1 left-padded (0, 0, 1, 2), angle p / 10000^(2j/d). */
function perRowTables(f: (a: number) => number): number[] {
  const positions = [[0, 1, 2, 3], [0, 0, 1, 2]];
  return positions.flatMap((row) => row.flatMap((p) => Array.from({ length: d }, (_, j) => f(p / 10000 ** ((2 * (j % (d / 2))) / d)))));
}

function rotaryGraph(hfTables: boolean) {
  const g = createGraph('rotary');
  const x = g.input('x', 'float32', ['b', heads, 's', d]);
  const table = (name: string) => g.input(name, 'float32', ['b', 1, 's', d]);
  g.output('y', ops.rotary(x, table('cos'), table('sin'), { hfTables }));
  return g;
}

describe('Rotary with per-row HF tables (hfTables) as com.microsoft RotaryEmbedding', () => {
  let scope: TestScope;
  let sut: OnnxBackend;
  beforeAll(async () => {
    scope = createTestScope({ plugins: [onnxPlugin], config: { backend: { threads: 1 } } });
    sut = scope.scope.resolve(OnnxBackend);
    await sut.init();
  });
  afterAll(async () => { await scope.dispose(); });

  const types = (hfTables: boolean) => onnx.ModelProto.decode(sut.lower(rotaryGraph(hfTables), { b: batch, s: seq })).graph!.node.map((n) => n.opType);

  it('is used by default only when the graph vouches for HF tables', () => {
    expect(types(true)).toContain('RotaryEmbedding');
    expect(types(false)).not.toContain('RotaryEmbedding');
  });

  it('matches the float64 reference on symbolic dims, each row at its own positions', async () => {
    const feeds = {
      x: hostTensor('float32', [batch, heads, seq, d], uniformValues(seededRandom(3), batch * heads * seq * d)),
      cos: hostTensor('float32', [batch, 1, seq, d], perRowTables(Math.cos)),
      sin: hostTensor('float32', [batch, 1, seq, d], perRowTables(Math.sin)),
    };
    const session = await sut.compile(rotaryGraph(true), { dynamicDims: true });
    const out = await session.run(Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, sut.upload(v)])));
    const got = (await sut.download(out.y)).data as Float32Array;
    const want = interpret(rotaryGraph(false), feeds).y.data;
    want.forEach((w, i) => expect(Math.abs(got[i] - w)).toBeLessThan(1e-5 + 1e-4 * Math.abs(w)));
    await session.dispose();
  });
});
