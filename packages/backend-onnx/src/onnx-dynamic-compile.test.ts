import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createGraph, hostTensor, ops, type HostTensor } from '@okapi/core';
import { useOnnxBackend } from './__tests__/use-onnx-backend';

describe('OnnxBackend.compile with dynamicDims', () => {
  const onnx = useOnnxBackend();

  const values = async (host: Promise<HostTensor>) => Array.from((await host).data as Float32Array);
  const affine = () => {
    const g = createGraph('affine');
    const x = g.input('x', 'float32', ['batch', 'seq', 2]);
    const w = g.input('w', 'float32', [2, 2]);
    g.output('y', ops.add(ops.matmul(x, w), 1));
    return g;
  };

  it('serves every batch and length from one session, with the baked weights not fed', async () => {
    const w = hostTensor('float32', [2, 2], [1, -1, 0, 1]);
    const session = await onnx.sut.compile(affine(), { dynamicDims: true, bakedInputs: () => ({ w }) });
    expect(onnx.sut.dynamicDims).toBe(true);
    expect(session.inputNames).toEqual(['x']);
    // by hand: [1,2]@w = [1, 1] -> +1 = [2, 2]; [3,4]@w = [3, 1] -> [4, 2]
    for (const [shape, data, expected] of [[[1, 1, 2], [1, 2], [2, 2]], [[2, 1, 2], [1, 2, 3, 4], [2, 2, 4, 2]], [[1, 2, 2], [3, 4, 1, 2], [4, 2, 2, 2]]] as const) {
      const x = onnx.sut.upload(hostTensor('float32', shape, data));
      const { y } = await session.run({ x });
      expect(await values(onnx.sut.download(y))).toEqual(expected);
      expect(y.shape).toEqual(shape);
      x.dispose();
      y.dispose();
    }
    await session.dispose();
  });

  it('takes the baked inputs once and leaves no temporary model files behind', async () => {
    const ownTmp = mkdtempSync(`${tmpdir()}/okapi-test-`);
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = ownTmp; // os.tmpdir() reads it on each call
    let calls = 0;
    try {
      const session = await onnx.sut.compile(affine(), { dynamicDims: true, bakedInputs: () => { calls++; return { w: hostTensor('float32', [2, 2], [1, 0, 0, 1]) }; } });
      expect(calls).toBe(1);
      expect(readdirSync(ownTmp)).toEqual([]);
      await session.dispose();
      await expect(session.run({})).rejects.toThrow(/was disposed/);
    } finally {
      process.env.TMPDIR = saved;
      rmSync(ownTmp, { recursive: true, force: true });
    }
  });

  it('refuses a baked input the graph does not have, naming it', async () => {
    await expect(onnx.sut.compile(affine(), { dynamicDims: true, bakedInputs: () => ({ v: hostTensor('float32', [1], [1]) }) }))
      .rejects.toThrow(/baked inputs v are not inputs of the graph/);
  });
});
