import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGraph, hostTensor, ops, type HostTensor } from '@okapi/core';
import { onnx } from 'onnx-proto';
import { useOnnxBackend } from '../__tests__/use-onnx-backend';
import { selectLowerings } from '../lowering/select-lowerings';
import { loadOrt } from '../ort/load-ort';
import { writeBakedModel } from './write-baked-model';

/** A miniature tied-embedding LM: Gather(E) → linear(W) → linear(E) (the LM head), HF layouts ([out, in]). */
function tiedLm(vocab = 7) {
  const g = createGraph('tied-lm');
  const ids = g.input('ids', 'int64', ['batch', 'seq']);
  const embed = g.input('embed', 'float32', [vocab, 4]);
  const proj = g.input('proj', 'float32', [4, 4]);
  const hidden = ops.matmul(ops.gather(embed, ids), ops.transposeLast2(proj));
  g.output('logits', ops.matmul(hidden, ops.transposeLast2(embed)));
  return g;
}

const seeded = (n: number, seed: number) => Array.from({ length: n }, (_, i) => Math.sin(seed * 97 + i * 1.7) * 0.9);
const weights = (vocab = 7) => ({ embed: hostTensor('float32', [vocab, 4], seeded(vocab * 4, 1)), proj: hostTensor('float32', [4, 4], seeded(16, 2)) });

describe(writeBakedModel.name, () => {
  const onnxBackend = useOnnxBackend();
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'okapi-bake-test-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('stores linear weights transposed and reads the tied embedding through FusedMatMul(transB): no Transpose of a weight left', async () => {
    const g = tiedLm();
    const lowerings = selectLowerings(g.registry, { kernels: [], fusedKernels: false, decompose: undefined, provider: 'cpu' });
    const baked = await writeBakedModel(g, { weights: weights(), lowerings }, dir);
    const model = onnx.ModelProto.decode(await readFile(baked.modelPath));
    const initializers = new Map(model.graph!.initializer!.map((t) => [t.name, t.dims!.map(Number)]));
    expect(initializers.get('proj')).toEqual([4, 4]);
    expect(initializers.get('embed')).toEqual([7, 4]);
    expect(baked.pretransposed).toBe(1);
    const nodes = model.graph!.node!;
    expect(nodes.filter((n) => n.opType === 'Transpose' && initializers.has(n.input![0]!))).toEqual([]);
    const head = nodes.find((n) => n.opType === 'FusedMatMul');
    expect(head?.input).toContain('embed.rows_0_7'); // its own initializer over the embedding's bytes
    expect(Number(head?.attribute?.find((a) => a.name === 'transB')?.i)).toBe(1);
    expect(model.opsetImport!.map((o) => o.domain)).toContain('com.microsoft');
  });

  it('leaves a shared weight\'s Transpose for providers without FusedMatMul, still pre-transposing the rest', async () => {
    const g = tiedLm();
    const lowerings = selectLowerings(g.registry, { kernels: [], fusedKernels: false, decompose: undefined, provider: 'cpu' });
    const baked = await writeBakedModel(g, { weights: weights(), lowerings, pretranspose: { fusedMatMul: false } }, dir);
    const model = onnx.ModelProto.decode(await readFile(baked.modelPath));
    const transposed = model.graph!.node!.filter((n) => n.opType === 'Transpose').map((n) => n.input![0]);
    expect(transposed).toEqual(['embed']);
    expect(baked.pretransposed).toBe(1);
    expect(model.graph!.node!.some((n) => n.domain === 'com.microsoft')).toBe(false);
  });

  it('gives exactly the logits of the same graph with the weights fed as inputs', async () => {
    const sut = onnxBackend.sut;
    const fedSession = await sut.compile(tiedLm(), { dims: { batch: 2, seq: 3 } });
    const bakedSession = await sut.compile(tiedLm(), { dynamicDims: true, bakedInputs: weights });
    const ids = sut.upload(hostTensor('int64', [2, 3], [0, 6, 3, 2, 2, 5]));
    const w = weights();
    const fed = { embed: sut.upload(w.embed), proj: sut.upload(w.proj) };
    const expected = (await sut.download((await fedSession.run({ ids, ...fed })).logits!)) as HostTensor;
    const actual = (await sut.download((await bakedSession.run({ ids })).logits!)) as HostTensor;
    expect(actual.shape).toEqual([2, 3, 7]);
    expect(Array.from(actual.data as Float32Array)).toEqual(Array.from(expected.data as Float32Array));
    // and against a float64 forward by hand for one entry: logits[0][1][5] = (E[6] · Pᵀ) · E[5]
    const e = (r: number) => Array.from((w.embed.data as Float32Array).subarray(r * 4, r * 4 + 4));
    const p = (r: number) => Array.from((w.proj.data as Float32Array).subarray(r * 4, r * 4 + 4));
    const hidden = [0, 1, 2, 3].map((o) => e(6).reduce((s, x, i) => s + x * p(o)[i]!, 0));
    const byHand = hidden.reduce((s, x, i) => s + x * e(5)[i]!, 0);
    expect((actual.data as Float32Array)[1 * 7 + 5]).toBeCloseTo(byHand, 5);
    await fedSession.dispose();
    await bakedSession.dispose();
  });

  it('splits a large tied LM head into row slices that point into the embedding bytes (written once) and still gives exactly the fed logits', async () => {
    const vocab = 200; // 3200 bytes: external; slices of 64 rows (the minimum) at a 1 KiB slice size
    const g = tiedLm(vocab);
    const lowerings = selectLowerings(g.registry, { kernels: [], fusedKernels: false, decompose: undefined, provider: 'cpu' });
    const baked = await writeBakedModel(g, { weights: weights(vocab), lowerings, pretranspose: { sliceBytes: 1024 } }, dir);
    expect(baked.externalBytes).toBe(vocab * 4 * 4);
    const model = onnx.ModelProto.decode(await readFile(baked.modelPath));
    const offsets = model.graph!.initializer!.filter((t) => t.name!.startsWith('embed.rows_'))
      .map((t) => [t.name, t.externalData?.find((e) => e.key === 'offset')?.value ?? 'inline', t.dims!.map(Number)]);
    // 64 rows × 16 bytes = 1 KiB per slice; the last 8 rows (128 bytes) are too small for external data
    expect(offsets).toEqual([['embed.rows_0_64', '0', [64, 4]], ['embed.rows_64_128', '1024', [64, 4]], ['embed.rows_128_192', '2048', [64, 4]], ['embed.rows_192_200', 'inline', [8, 4]]]);
    expect(model.graph!.node!.filter((n) => n.opType === 'FusedMatMul')).toHaveLength(4);

    const sut = onnxBackend.sut;
    const ids = sut.upload(hostTensor('int64', [1, 4], [199, 0, 64, 130]));
    const w = weights(vocab);
    const fedSession = await sut.compile(tiedLm(vocab), { dims: { batch: 1, seq: 4 } });
    const expected = await sut.download((await fedSession.run({ ids, embed: sut.upload(w.embed), proj: sut.upload(w.proj) })).logits!);
    // the same slicing as the backend's compile, through a session loaded from the written files
    const ort = loadOrt();
    const session = await ort.InferenceSession.create(baked.modelPath);
    const actual = (await session.run({ [session.inputNames[0]!]: new ort.Tensor('int64', BigInt64Array.from([199n, 0n, 64n, 130n]), [1, 4]) }));
    expect(Array.from(actual[session.outputNames[0]!]!.data as Float32Array)).toEqual(Array.from(expected.data as Float32Array));
    await session.release();
    await fedSession.dispose();
  });
});
