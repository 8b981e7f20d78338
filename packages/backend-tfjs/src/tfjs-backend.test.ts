import { createGraph, hostTensor, OkapiError, ops, type HostTensor } from '@okapi/core';
import * as tf from '@tensorflow/tfjs-core';
import { backendUnderTest, numbers, runOnce, type BackendUnderTest, type TestEngine } from './__tests__/backend-under-test';
import { TfjsBackend } from './tfjs-backend';

describe.each<TestEngine>(['cpu', 'wasm'])(`${TfjsBackend.name} on the %s engine`, (engine) => {
  let sut: BackendUnderTest;
  beforeAll(async () => { sut = await backendUnderTest(engine); }, 30_000);
  afterAll(async () => { await sut.dispose(); });
  afterEach(() => expect(sut.backend.memory()).toEqual({ tensors: 0, bytes: 0 }));

  it('runs the engine it was pinned to', () => {
    expect(sut.backend.engine).toBe(engine);
    expect(tf.getBackend()).toBe(engine);
  });

  it('computes relu(x @ w + b) with a symbolic batch dim (checked by hand)', async () => {
    const g = createGraph('affine');
    const x = g.input('x', 'float32', ['batch', 2]);
    const w = g.input('w', 'float32', [2, 2]);
    const b = g.input('b', 'float32', [2]);
    g.output('y', ops.relu(ops.add(ops.matmul(x, w), b)));
    const { y } = await runOnce(sut.backend, g, {
      x: hostTensor('float32', [2, 2], [1, 2, 3, 4]), w: hostTensor('float32', [2, 2], [1, -1, 1, 1]), b: hostTensor('float32', [2], [0, -2]),
    }, { dims: { batch: 2 } });
    // [1,2] @ w = [3, 1], + b = [3, -1] -> relu [3, 0]; [3,4] @ w = [7, 1] -> [7, 0]
    expect(numbers(y)).toEqual([3, 0, 7, 0]);
  });

  it.each<HostTensor>([
    hostTensor('float32', [2, 2], [1.5, -2, 0, 3e30]),
    hostTensor('int32', [3], [-(2 ** 31), 0, 2 ** 31 - 1]),
    hostTensor('int64', [2], [-5, 2 ** 31 - 1]),
    hostTensor('bool', [3], [1, 0, 1]),
  ])('round-trips a $dtype tensor through upload and download', async (host) => {
    const device = sut.backend.upload(host);
    expect([device.dtype, device.shape]).toEqual([host.dtype, host.shape]);
    const back = await sut.backend.download(device);
    device.dispose();
    expect(back).toEqual(host);
  });

  it('copies on upload, so changing the host array later does not change the device tensor', async () => {
    const data = new Float32Array([1, 2]);
    const device = sut.backend.upload({ dtype: 'float32', shape: [2], data });
    data[0] = 99;
    expect(numbers(await sut.backend.download(device))).toEqual([1, 2]);
    device.dispose();
  });

  it('refuses dtypes tfjs cannot hold and int64 values beyond int32, saying what to do', () => {
    expect(() => sut.backend.upload(hostTensor('float64', [1], [1]))).toThrow(/the tfjs backend has no float64 tensors/);
    expect(() => sut.backend.upload(hostTensor('int64', [2], [0n, 2n ** 40n]))).toThrow(/int64 element 1 \(1099511627776\) does not fit in int32/);
  });

  it('keeps weights resident across runs; results are new tensors the caller owns', async () => {
    const g = createGraph('scale');
    g.output('y', ops.mul(g.input('x', 'float32', [2]), g.input('w', 'float32', [2])));
    g.output('w_again', g.inputNamed('w'));
    const session = await sut.backend.compile(g);
    const w = sut.backend.upload(hostTensor('float32', [2], [2, 3]));
    for (const x of [[1, 1], [4, 5]]) {
      const xs = sut.backend.upload(hostTensor('float32', [2], x));
      const out = await session.run({ x: xs, w });
      expect(numbers(await sut.backend.download(out.y))).toEqual([x[0] * 2, x[1] * 3]);
      out.w_again.dispose();
      expect(w.disposed).toBe(false);
      [xs, out.y].forEach((t) => t.dispose());
    }
    w.dispose();
    await session.dispose();
  });

  it('computes only the requested outputs', async () => {
    const g = createGraph('two');
    const x = g.input('x', 'float32', [2]);
    g.output('double', ops.mul(x, 2));
    g.output('log', ops.log(x));
    const session = await sut.backend.compile(g);
    const xs = sut.backend.upload(hostTensor('float32', [2], [1, 2]));
    const out = await session.run({ x: xs }, { outputs: ['double'] });
    expect(Object.keys(out)).toEqual(['double']);
    expect(numbers(await sut.backend.download(out.double))).toEqual([2, 4]);
    [xs, out.double].forEach((t) => t.dispose());
    await session.dispose();
  });

  it('frees every intermediate tfjs tensor: tf.memory() is back to its baseline after a run', async () => {
    const before = tf.memory().numTensors;
    const g = createGraph('chain');
    const x = g.input('x', 'float32', [4, 4]);
    g.output('y', ops.reduceSum(ops.softmax(ops.matmul(ops.transposeLast2(x), ops.exp(x))), [], false));
    const { y } = await runOnce(sut.backend, g, { x: hostTensor('float32', [4, 4], new Array(16).fill(0)) });
    expect(numbers(y)[0]).toBeCloseTo(4, 5); // softmax rows sum to 1, four rows
    expect(tf.memory().numTensors).toBe(before);
  });

  it('names the input that was not fed, fed twice the wrong shape, or does not exist', async () => {
    const g = createGraph('checked');
    g.output('y', ops.neg(g.input('x', 'float32', ['n', 2])));
    const session = await sut.backend.compile(g, { dims: { n: 3 } });
    const wrong = sut.backend.upload(hostTensor('float32', [2, 2], [1, 2, 3, 4]));
    await expect(session.run({})).rejects.toThrow("graph 'checked', input 'x' was not fed");
    await expect(session.run({ x: wrong })).rejects.toThrow("graph 'checked', input 'x': expected float32[3, 2], got float32[2, 2]");
    await expect(session.run({ xx: wrong })).rejects.toThrow(OkapiError);
    await expect(session.run({ xx: wrong })).rejects.toMatchObject({ hint: expect.stringContaining("Did you mean 'x'?") });
    wrong.dispose();
    await session.dispose();
  });

  it('refuses a disposed feed and a graph with an unbound symbolic dim', async () => {
    const g = createGraph('unbound');
    g.output('y', ops.neg(g.input('x', 'float32', ['n'])));
    await expect(sut.backend.compile(g)).rejects.toThrow(/symbolic dim 'n' has no size/);
    const session = await sut.backend.compile(g, { dims: { n: 1 } });
    const x = sut.backend.upload(hostTensor('float32', [1], [1]));
    x.dispose();
    await expect(session.run({ x })).rejects.toThrow(/already disposed/);
    await session.dispose();
  });
});

describe(`${TfjsBackend.name} disposal`, () => {
  it('dispose() frees every tensor and session it made', async () => {
    const sut = await backendUnderTest('cpu');
    const before = tf.memory().numTensors;
    const g = createGraph('c');
    g.output('y', ops.add(g.input('x', 'float32', [2]), g.constant(hostTensor('float32', [2], [1, 2]))));
    await sut.backend.compile(g);
    sut.backend.upload(hostTensor('float32', [3], [1, 2, 3]));
    expect(sut.backend.memory()).toEqual({ tensors: 1, bytes: 12 });
    await sut.dispose();
    expect(sut.backend.memory()).toEqual({ tensors: 0, bytes: 0 });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe(`${TfjsBackend.name} beside another tfjs engine`, () => {
  it('uploads to its own engine and runs there even when another instance switched tfjs', async () => {
    const cpu = await backendUnderTest('cpu');
    const wasm = await backendUnderTest('wasm');
    expect(tf.getBackend()).toBe('wasm');
    const onCpu = () => tf.findBackend('cpu')?.numDataIds() ?? 0;
    const before = onCpu();
    const x = cpu.backend.upload(hostTensor('float32', [2], [1, 4]));
    expect(tf.getBackend()).toBe('wasm');
    expect(onCpu()).toBe(before + 1);
    const g = createGraph('sqrt');
    g.output('y', ops.sqrt(g.input('x', 'float32', [2])));
    const session = await cpu.backend.compile(g);
    const { y } = await session.run({ x });
    expect(tf.getBackend()).toBe('cpu');
    expect(numbers(await cpu.backend.download(y))).toEqual([1, 2]);
    [x, y].forEach((t) => t.dispose());
    await session.dispose();
    await wasm.dispose();
    await cpu.dispose();
  });
});

describe(`${TfjsBackend.name} compile checks`, () => {
  it('refuses a graph that needs float64, naming the node', async () => {
    const sut = await backendUnderTest('cpu');
    const g = createGraph('f64');
    g.output('y', ops.cast(g.input('x', 'float32', [2]), 'float64'));
    await expect(sut.backend.compile(g)).rejects.toThrow("graph 'f64', Cast (node 0): the tfjs backend has no float64 tensors");
    await sut.dispose();
  });
});
