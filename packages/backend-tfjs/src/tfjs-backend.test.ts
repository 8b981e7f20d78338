import { createGraph, hostTensor, ops } from '@okapi/core';
import { backendUnderTest, numbers, type BackendUnderTest, type TestEngine } from './__tests__/backend-under-test';
import { TfjsBackend } from './tfjs-backend';

describe.each<TestEngine>(['cpu', 'wasm'])(`${TfjsBackend.name} on the %s engine`, (engine) => {
  let sut: BackendUnderTest;
  beforeAll(async () => { sut = await backendUnderTest(engine); });
  afterAll(async () => { await sut.dispose(); });

  it('runs the engine it was pinned to', () => {
    expect(sut.backend.engine).toBe(engine);
  });

  it('computes a small graph: relu(x @ w + b), by hand', async () => {
    const g = createGraph('affine');
    const x = g.input('x', 'float32', ['batch', 2]);
    const w = g.input('w', 'float32', [2, 2]);
    const b = g.input('b', 'float32', [2]);
    g.output('y', ops.relu(ops.add(ops.matmul(x, w), b)));
    const session = await sut.backend.compile(g, { dims: { batch: 2 } });
    const feeds = {
      x: sut.backend.upload(hostTensor('float32', [2, 2], [1, 2, 3, 4])),
      w: sut.backend.upload(hostTensor('float32', [2, 2], [1, -1, 1, 1])),
      b: sut.backend.upload(hostTensor('float32', [2], [0, -2])),
    };
    const { y } = await session.run(feeds);
    // [1,2]@w = [3, 1] + b = [3, -1] -> [3, 0]; [3,4]@w = [7, 1] + b = [7, -1] -> [7, 0]
    expect(numbers(await sut.backend.download(y))).toEqual([3, 0, 7, 0]);
    y.dispose();
    Object.values(feeds).forEach((t) => t.dispose());
    await session.dispose();
    expect(sut.backend.memory()).toEqual({ tensors: 0, bytes: 0 });
  });
});
