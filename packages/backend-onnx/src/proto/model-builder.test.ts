import { onnx } from 'onnx-proto';
import { loadOrt } from '../ort/load-ort';
import { MICROSOFT_DOMAIN, OnnxModelBuilder } from './model-builder';

describe(OnnxModelBuilder.name, () => {
  const ort = loadOrt();

  it('builds a model onnxruntime runs: (x + w) * x with a symbolic batch dim', async () => {
    const sut = new OnnxModelBuilder('t');
    sut.addInput('x', 'float32', ['n', 2]);
    const w = sut.addInitializer('w', 'float32', [2], new Float32Array([10, 20]));
    const sum = sut.op('Add', ['x', w]);
    sut.addOutput('y', sut.op('Mul', [sum, 'x']), 'float32', ['n', 2]);
    const session = await ort.InferenceSession.create(sut.encode());
    const x = new ort.Tensor('float32', new Float32Array([1, 2, 3, 4]), [2, 2]);
    const { y } = await session.run({ x });
    // by hand: (1+10)*1, (2+20)*2, (3+10)*3, (4+20)*4
    expect(Array.from(y.data as Float32Array)).toEqual([11, 44, 39, 96]);
    expect(y.dims).toEqual([2, 2]);
    await session.release();
  });

  it('keeps int and float attributes apart (Softmax axis is an int, LeakyRelu alpha a float)', async () => {
    const sut = new OnnxModelBuilder();
    sut.addInput('x', 'float32', [1, 2]);
    const soft = sut.op('Softmax', ['x'], { axis: { int: -1 } });
    sut.addOutput('s', soft, 'float32');
    sut.addOutput('l', sut.op('LeakyRelu', ['x'], { alpha: { float: 1 } }), 'float32');
    const decoded = onnx.ModelProto.decode(sut.encode());
    const attrs = decoded.graph!.node.flatMap((n) => n.attribute);
    expect(attrs.map((a) => [a.name, a.type])).toEqual([
      ['axis', onnx.AttributeProto.AttributeType.INT],
      ['alpha', onnx.AttributeProto.AttributeType.FLOAT],
    ]);
    const session = await ort.InferenceSession.create(sut.encode());
    const out = await session.run({ x: new ort.Tensor('float32', new Float32Array([0, Math.log(3)]), [1, 2]) });
    expect((out.s.data as Float32Array)[0]).toBeCloseTo(0.25, 6); // 1 / (1 + 3)
    expect(Array.from(out.l.data as Float32Array)).toEqual([0, Math.fround(Math.log(3))]);
    await session.release();
  });

  it('gives every value a unique name and refuses a reused graph input name', () => {
    const sut = new OnnxModelBuilder();
    sut.addInput('a', 'float32', [1]);
    expect(sut.uniqueName('a')).not.toBe('a');
    expect(sut.uniqueName('b')).toBe('b');
    expect(sut.uniqueName('b')).not.toBe('b');
    expect(() => sut.addInput('a', 'float32', [1])).toThrow(/used twice/);
  });

  it('imports the com.microsoft opset only when a contrib node is present', () => {
    const plain = new OnnxModelBuilder();
    plain.addInput('x', 'float32', [1]);
    plain.addOutput('y', plain.op('Relu', ['x']), 'float32');
    expect(plain.build().opsetImport.map((o) => o.domain)).toEqual(['']);
    const contrib = new OnnxModelBuilder();
    contrib.addInput('x', 'float32', [1]);
    contrib.addOutput('y', contrib.op('Gelu', ['x'], undefined, MICROSOFT_DOMAIN), 'float32');
    expect(contrib.build().opsetImport.map((o) => o.domain)).toEqual(['', MICROSOFT_DOMAIN]);
  });
});

describe('graph outputs', () => {
  const ort = loadOrt();

  it('names the producing node after the output (no Identity copy), and still serves a second name', async () => {
    const sut = new OnnxModelBuilder();
    sut.addInput('x', 'float32', [2]);
    const doubled = sut.op('Add', ['x', 'x']);
    sut.addOutput('first', doubled, 'float32');
    sut.addOutput('second', doubled, 'float32');
    sut.addOutput('echo', 'x', 'float32');
    const ops = sut.build().graph!.node.map((n) => `${n.opType}:${n.output.join(',')}`);
    expect(ops).toEqual(['Add:first', 'Identity:second', 'Identity:echo']);
    const session = await ort.InferenceSession.create(sut.encode());
    const out = await session.run({ x: new ort.Tensor('float32', new Float32Array([1, 2]), [2]) });
    expect([out.first, out.second, out.echo].map((t) => Array.from(t.data as Float32Array))).toEqual([[2, 4], [2, 4], [1, 2]]);
    await session.release();
  });
});
