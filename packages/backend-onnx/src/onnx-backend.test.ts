import { createGraph, hostTensor, ops, OkapiError, type HostTensor } from '@okapi/core';
import { createTestScope } from '@okapi/core/testing';
import { OnnxBackend } from './onnx-backend';
import type { OnnxDeviceTensor } from './onnx-device-tensor';
import onnxPlugin from './plugin';
import { useOnnxBackend } from './__tests__/use-onnx-backend';

describe(OnnxBackend.name, () => {
  const onnx = useOnnxBackend();

  const values = async (host: Promise<HostTensor>) => Array.from((await host).data as Float32Array);

  it('compiles a graph with a symbolic batch dim and runs it per shape bucket', async () => {
    const g = createGraph('affine');
    const x = g.input('x', 'float32', ['batch', 2]);
    const w = g.input('w', 'float32', [2, 2]);
    g.output('y', ops.relu(ops.add(ops.matmul(x, w), 1)));
    const session = await onnx.sut.compile(g, { dims: { batch: 2 } });
    const feeds = {
      x: onnx.sut.upload(hostTensor('float32', [2, 2], [1, 2, 3, 4])),
      w: onnx.sut.upload(hostTensor('float32', [2, 2], [1, -1, 0, 1])),
    };
    const { y } = await session.run(feeds);
    // by hand: [1,2]@w = [1, 1] -> +1 = [2, 2]; [3,4]@w = [3, 1] -> [4, 2]
    expect(await values(onnx.sut.download(y))).toEqual([2, 2, 4, 2]);
    expect(y.shape).toEqual([2, 2]);
    y.dispose();
    Object.values(feeds).forEach((f) => f.dispose());
    await session.dispose();
  });

  it('keeps feeds resident: a run does not consume them, and memory() counts live tensors', async () => {
    const g = createGraph('double');
    g.output('y', ops.mul(g.input('x', 'float32', [3]), 2));
    const session = await onnx.sut.compile(g);
    const before = onnx.sut.memory();
    const x = onnx.sut.upload(hostTensor('float32', [3], [1, 2, 3]));
    expect(onnx.sut.memory()).toEqual({ tensors: before.tensors + 1, bytes: before.bytes + 12 });
    const first = await session.run({ x });
    const second = await session.run({ x });
    expect(await values(onnx.sut.download(second.y))).toEqual([2, 4, 6]);
    first.y.dispose();
    second.y.dispose();
    x.dispose();
    expect(onnx.sut.memory()).toEqual(before);
  });

  it('runs read a resident tensor in place: no per-run copy of the fed data is taken', async () => {
    const g = createGraph('sum');
    g.output('s', ops.reduceSum(g.input('w', 'float32', [4]), [], false));
    const session = await onnx.sut.compile(g);
    const w = onnx.sut.upload(hostTensor('float32', [4], [1, 2, 3, 4])) as OnnxDeviceTensor;
    const first = await session.run({ w });
    (w.ort.data as Float32Array)[0] = 101; // what onnxruntime reads is this very buffer
    const second = await session.run({ w });
    expect(await values(onnx.sut.download(first.s))).toEqual([10]);
    expect(await values(onnx.sut.download(second.s))).toEqual([110]);
    [first.s, second.s, w].forEach((t) => t.dispose());
  });

  it('chains outputs into the next run without a host round trip (training-style state)', async () => {
    const g = createGraph('step');
    const p = g.input('p', 'float32', [2]);
    g.output('p_next', ops.sub(p, ops.mul(p, 0.5)));
    const session = await onnx.sut.compile(g);
    let p0 = onnx.sut.upload(hostTensor('float32', [2], [8, -4]));
    for (let i = 0; i < 3; i++) {
      const { p_next } = await session.run({ p: p0 });
      p0.dispose();
      p0 = p_next;
    }
    expect(await values(onnx.sut.download(p0))).toEqual([1, -0.5]); // 8 / 2^3, -4 / 2^3
    p0.dispose();
  });

  it('reports a feed with the wrong shape, naming the input and the compiled shape', async () => {
    const g = createGraph('neg');
    g.output('y', ops.neg(g.input('x', 'float32', ['n'])));
    const session = await onnx.sut.compile(g, { dims: { n: 3 } });
    const x = onnx.sut.upload(hostTensor('float32', [2], [1, 2]));
    await expect(session.run({ x })).rejects.toThrow(OkapiError);
    await expect(session.run({ x })).rejects.toThrow(/input 'x'.*float32\[2\].*float32\[3\]/);
    await expect(session.run({})).rejects.toThrow(/'x' was not fed/);
    x.dispose();
  });

  it('reuses one onnxruntime session for the same graph and shape bucket', async () => {
    const g = createGraph('id');
    g.output('y', ops.exp(g.input('x', 'float32', ['n'])));
    const lowerSpy = jest.spyOn(onnx.sut, 'lower');
    await onnx.sut.compile(g, { dims: { n: 2 } });
    await onnx.sut.compile(g, { dims: { n: 2 } });
    await onnx.sut.compile(g, { dims: { n: 3 } });
    expect(lowerSpy).toHaveBeenCalledTimes(2);
  });

  it('bakes constants (inference weights) into the model: same result, fewer feeds', async () => {
    const g = createGraph('affine');
    const x = g.input('x', 'float32', [1, 2]);
    const w = g.input('w', 'float32', [2, 2]);
    g.output('y', ops.matmul(x, w));
    const weight = onnx.sut.upload(hostTensor('float32', [2, 2], [1, 2, 3, 4]));
    const input = onnx.sut.upload(hostTensor('float32', [1, 2], [1, 1]));
    const baked = await onnx.sut.compile(g, { constants: { w: weight } });
    expect(baked.inputNames).toEqual(['x']);
    const { y } = await baked.run({ x: input });
    expect(await values(onnx.sut.download(y))).toEqual([4, 6]); // [1,1] @ [[1,2],[3,4]]
    await expect(onnx.sut.compile(g, { constants: { nope: weight } })).rejects.toThrow(/constant 'nope' is not an input.*/);
  });

  it('feeds constants from the session when they are too large to bake', async () => {
    const small = createTestScope({ plugins: [onnxPlugin], config: { backend: { threads: 1 }, onnx: { maxBakedConstantBytes: 8 } } });
    const backend = small.scope.resolve(OnnxBackend);
    const g = createGraph('affine');
    g.output('y', ops.matmul(g.input('x', 'float32', [1, 2]), g.input('w', 'float32', [2, 2])));
    const session = await backend.compile(g, { constants: { w: backend.upload(hostTensor('float32', [2, 2], [1, 2, 3, 4])) } });
    expect(session.inputNames).toEqual(['x']);
    const { y } = await session.run({ x: backend.upload(hostTensor('float32', [1, 2], [1, 1])) });
    expect(Array.from((await backend.download(y)).data as Float32Array)).toEqual([4, 6]);
    expect(small.logger.messages.some((m) => m.level === 'warn' && /fed on each run/.test(m.message))).toBe(true);
    await backend.dispose();
    await small.dispose();
  });

  it('accepts unused inputs and outputs that are inputs or constants', async () => {
    const g = createGraph('odd');
    const x = g.input('x', 'float32', [2]);
    g.input('unused', 'int64', [1]);
    g.output('x', x);
    g.output('twice', ops.mul(x, 2));
    g.output('seven', g.constant(hostTensor('float32', [1], [7])));
    const session = await onnx.sut.compile(g);
    const feeds = { x: onnx.sut.upload(hostTensor('float32', [2], [1, 2])), unused: onnx.sut.upload(hostTensor('int64', [1], [0])) };
    const out = await session.run(feeds);
    expect(await values(onnx.sut.download(out.x))).toEqual([1, 2]);
    expect(await values(onnx.sut.download(out.twice))).toEqual([2, 4]);
    expect(await values(onnx.sut.download(out.seven))).toEqual([7]);
    [...Object.values(out), ...Object.values(feeds)].forEach((t) => t.dispose());
  });

  it('refuses to download a disposed tensor', async () => {
    const t = onnx.sut.upload(hostTensor('float32', [1], [1]));
    t.dispose();
    await expect(onnx.sut.download(t)).rejects.toThrow(/was disposed/);
  });

  it('dispose frees every tensor it handed out', async () => {
    onnx.sut.upload(hostTensor('int64', [2], [1, 2]));
    onnx.sut.upload(hostTensor('bool', [1], [1]));
    expect(onnx.sut.memory().tensors).toBe(2);
    await onnx.sut.dispose();
    expect(onnx.sut.memory()).toEqual({ tensors: 0, bytes: 0 });
  });
});
