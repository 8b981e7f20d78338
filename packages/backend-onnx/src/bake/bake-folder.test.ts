import { existsSync } from 'node:fs';
import { createGraph, hostTensor, ops } from '@okapi/core';
import { useOnnxBackend } from '../__tests__/use-onnx-backend';
import { BakeFolder } from './bake-folder';

/** Runs `body` and returns the bake folders it created that still exist afterwards. */
async function leftoversOf(body: () => Promise<unknown>): Promise<string[]> {
  const created: string[] = [];
  const create = BakeFolder.create.bind(BakeFolder);
  const spy = jest.spyOn(BakeFolder, 'create').mockImplementation(async () => {
    const folder = await create();
    created.push(folder.path);
    return folder;
  });
  try {
    await body().catch(() => undefined);
  } finally {
    spy.mockRestore();
  }
  expect(created.length).toBeGreaterThan(0);
  return created.filter((path) => existsSync(path));
}

describe('baked compile temporary folders', () => {
  const onnx = useOnnxBackend();
  const linear = () => {
    const g = createGraph('linear');
    const x = g.input('x', 'float32', ['batch', 64]);
    const w = g.input('w', 'float32', [64, 64]); // 16 KiB: goes to the external data file
    g.output('y', ops.matmul(x, ops.transposeLast2(w)));
    return g;
  };
  const w = () => hostTensor('float32', [64, 64], Array.from({ length: 4096 }, (_, i) => (i % 7) - 3));

  it('are gone once the session is loaded, while the session keeps running from the mapped weights', async () => {
    let session: Awaited<ReturnType<typeof onnx.sut.compile>> | undefined;
    expect(await leftoversOf(async () => { session = await onnx.sut.compile(linear(), { dynamicDims: true, bakedInputs: () => ({ w: w() }) }); })).toEqual([]);
    const x = onnx.sut.upload(hostTensor('float32', [1, 64], Array.from({ length: 64 }, (_, i) => (i === 2 ? 1 : 0))));
    const y = await onnx.sut.download((await session!.run({ x })).y!);
    // x picks column 2 of wᵀ, i.e. w[o][2] = ((o * 64 + 2) % 7) - 3 for each output o
    expect(Array.from(y.data as Float32Array)).toEqual(Array.from({ length: 64 }, (_, o) => ((o * 64 + 2) % 7) - 3));
    await session!.dispose();
  });

  it('are removed when the bake fails', async () => {
    const failing = () => { throw new Error('weights unavailable'); };
    expect(await leftoversOf(() => onnx.sut.compile(linear(), { dynamicDims: true, bakedInputs: failing }))).toEqual([]);
  });

  it('are removed when onnxruntime refuses the model', async () => {
    const wrongShape = () => ({ w: hostTensor('float32', [2, 2], [1, 2, 3, 4]) }); // the graph says [64, 64]
    let error: unknown;
    expect(await leftoversOf(async () => { await onnx.sut.compile(linear(), { dynamicDims: true, bakedInputs: wrongShape }).catch((e: unknown) => { error = e; }); })).toEqual([]);
    expect(String(error)).toMatch(/Incompatible dimensions/);
  });
});
