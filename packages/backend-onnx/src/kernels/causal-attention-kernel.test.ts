import { AttentionContext, addDims, createGraph, hostTensor, interpret, ops, seededRandom, uniformValues, type Graph, type HostTensor, type Value } from '@okapi/core';
import { createTestScope, type TestScope } from '@okapi/core/testing';
import { onnx } from 'onnx-proto';
import { OnnxBackend } from '../onnx-backend';
import onnxPlugin from '../plugin';

interface Case {
  readonly heads: number;
  readonly kvHeads: number;
  readonly past: number;
  readonly seq: number;
  readonly alibi?: boolean;
}

const [batch, headDim] = [3, 8];

/**
 * One layer of growing-past attention as the decoder builds it (cache = Concat(past, new), mask
 * from a left-padded key mask, ALiBi optional), symbolic batch / seq / past dims, with seeded feeds.
 */
function attentionCase(c: Case, fused: boolean): { graph: Graph; feeds: Record<string, HostTensor> } {
  const random = seededRandom(7 + c.past);
  const g = createGraph('attention');
  const feeds: Record<string, HostTensor> = {};
  const input = (name: string, shape: number[], dims: (number | string)[]): Value => {
    feeds[name] = hostTensor('float32', shape, uniformValues(random, shape.reduce((a, b) => a * b, 1)));
    return g.input(name, 'float32', dims);
  };
  const keys = c.past + c.seq;
  // row 1 has 2 pads in front, row 2 has 1 (left padding), row 0 none
  const mask = Array.from({ length: batch }, (_, row) => Array.from({ length: keys }, (_, j) => (j < [0, 2, 1][row] ? 0 : 1)));
  feeds.mask = hostTensor('int64', [batch, keys], mask.flat());
  const keyMask = g.input('mask', 'int64', ['b', addDims('past', 's')]);
  const cache = (name: string) => input(name, [batch, c.kvHeads, c.past, headDim], ['b', c.kvHeads, 'past', headDim]);
  const past = [{ key: cache('past_key'), value: cache('past_value') }];
  const attention = new AttentionContext(g, keyMask, { kind: 'grow', past }, { fused });
  const fresh = (name: string, heads: number) => input(name, [batch, heads, c.seq, headDim], ['b', heads, 's', headDim]);
  const bias = c.alibi === true ? ops.alibiBias(keyMask, c.heads) : undefined;
  g.output('context', attention.attend(0, fresh('q', c.heads), fresh('k', c.kvHeads), fresh('v', c.kvHeads), bias));
  g.output('present_key', attention.presents[0].key);
  g.output('present_value', attention.presents[0].value);
  return { graph: g, feeds };
}

/** Rows a query can see nothing in (a pad query before every real key) are unspecified: skipped. */
function visibleRows(c: Case): Set<number> {
  const rows = new Set<number>();
  for (let b = 0; b < batch; b++) {
    for (let s = 0; s < c.seq; s++) if (c.past + s >= [0, 2, 1][b]) rows.add(b * c.seq + s);
  }
  return rows;
}

describe('CausalAttention as com.microsoft GroupQueryAttention', () => {
  const scopes: TestScope[] = [];
  afterAll(async () => { for (const s of scopes) await s.dispose(); });

  async function backend(): Promise<OnnxBackend> {
    const scope = createTestScope({ plugins: [onnxPlugin], config: { backend: { threads: 1 } } });
    scopes.push(scope);
    const sut = scope.scope.resolve(OnnxBackend);
    await sut.init();
    return sut;
  }

  it.each([
    ['GQA prefill (empty past)', { heads: 4, kvHeads: 2, past: 0, seq: 4 }],
    ['GQA decode, past 1', { heads: 4, kvHeads: 2, past: 1, seq: 1 }],
    ['GQA decode, past 5', { heads: 4, kvHeads: 2, past: 5, seq: 1 }],
    ['multi-head decode, past 3', { heads: 2, kvHeads: 2, past: 3, seq: 1 }],
    ['ALiBi prefill', { heads: 4, kvHeads: 4, past: 0, seq: 3, alibi: true }],
    ['ALiBi decode, past 4', { heads: 4, kvHeads: 4, past: 4, seq: 1, alibi: true }],
  ] as const)('%s matches the float64 reference of the decomposed graph', async (_label, c: Case) => {
    const sut = await backend();
    const { graph, feeds } = attentionCase(c, true);
    const dims = { b: batch, past: c.past, s: c.seq };
    const types = onnx.ModelProto.decode(sut.lower(graph, dims)).graph!.node.map((n) => n.opType);
    expect(types).toContain('GroupQueryAttention');
    expect(types).not.toContain('Concat'); // the op appends to the cache itself
    const session = await sut.compile(graph, { dynamicDims: true });
    const out = await session.run(Object.fromEntries(Object.entries(feeds).map(([k, v]) => [k, sut.upload(v)])));
    const want = interpret(attentionCase(c, false).graph, feeds);
    for (const name of ['present_key', 'present_value']) {
      expect(Array.from((await sut.download(out[name])).data as Float32Array)).toEqual(Array.from(want[name].data, Math.fround));
    }
    const got = (await sut.download(out.context)).data as Float32Array;
    const rows = visibleRows(c);
    want.context.data.forEach((w, i) => {
      const row = Math.floor(i / (c.heads * c.seq * headDim)) * c.seq + (Math.floor(i / headDim) % c.seq);
      if (rows.has(row)) expect(Math.abs(got[i] - w)).toBeLessThan(1e-5 + 1e-4 * Math.abs(w));
    });
    await session.dispose();
  });

  it('falls back to the decomposition where the kernel does not fit (head size not a multiple of 8)', async () => {
    const sut = await backend();
    const g = createGraph('odd-head');
    const q = g.input('q', 'float32', [1, 2, 3, 6]);
    const allowed = ops.greater(g.input('m', 'int64', [1, 1, 3, 3]), 0);
    g.output('y', ops.causalAttention({ q, k: q, v: q, allowed, scale: 0.5, maskedScore: -1e9 }));
    const types = onnx.ModelProto.decode(sut.lower(g, {})).graph!.node.map((n) => n.opType);
    expect(types).not.toContain('GroupQueryAttention');
    expect(types).toContain('Softmax');
  });
});
