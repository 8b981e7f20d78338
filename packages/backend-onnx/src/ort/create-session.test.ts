import { defaultOnnxOptions } from '../onnx-options';
import { OnnxModelBuilder } from '../proto/model-builder';
import { createOrtSession, sessionOptions } from './create-session';
import { loadOrt } from './load-ort';

describe(createOrtSession.name, () => {
  const ort = loadOrt();
  const model = () => {
    const b = new OnnxModelBuilder();
    b.addInput('x', 'float32', [2]);
    b.addOutput('y', b.op('Neg', ['x']), 'float32');
    return b.encode();
  };

  it.each([undefined, 1, 2])('creates a CPU session with threads = %s (undefined = all cores)', async (threads) => {
    const options = sessionOptions(ort, { device: 'cpu', threads, options: defaultOnnxOptions });
    expect('intraOpNumThreads' in options).toBe(threads !== undefined);
    const session = await createOrtSession(ort, model(), { device: 'cpu', threads, options: defaultOnnxOptions });
    const { y } = await session.run({ x: new ort.Tensor('float32', new Float32Array([1, -2]), [2]) });
    expect(Array.from(y.data as Float32Array)).toEqual([-1, 2]);
    await session.release();
  });

  it('turns on onnxruntime profiling when a profile prefix is configured', () => {
    const options = sessionOptions(ort, { device: 'cpu', options: { ...defaultOnnxOptions, profileFilePrefix: '/tmp/okapi-profile' } });
    expect(options).toMatchObject({ enableProfiling: true, profileFilePrefix: '/tmp/okapi-profile' });
    expect(sessionOptions(ort, { device: 'cpu', options: defaultOnnxOptions }).enableProfiling).toBeUndefined();
  });
});
