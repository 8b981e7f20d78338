import type { HostTensor } from '@okapi/core';
import { onnx } from 'onnx-proto';
import { loadOrt } from './load-ort';
import { fromOrtTensor, toOrtTensor } from './tensor-convert';

describe('tensor conversion', () => {
  const ort = loadOrt();

  it('shares the float32 buffer with onnxruntime instead of copying it', () => {
    const data = new Float32Array([1, 2, 3, 4, 5, 6]);
    const sut = toOrtTensor(ort, { dtype: 'float32', shape: [2, 3], data });
    expect(sut.data).toBe(data);
    expect(sut.dims).toEqual([2, 3]);
    expect(sut.type).toBe('float32');
  });

  it.each<HostTensor>([
    { dtype: 'int64', shape: [3], data: new BigInt64Array([1n, -2n, 9007199254740993n]) },
    { dtype: 'int32', shape: [1, 2], data: new Int32Array([-7, 7]) },
    { dtype: 'bool', shape: [2], data: new Uint8Array([1, 0]) },
    { dtype: 'float64', shape: [1], data: new Float64Array([Math.PI]) },
    { dtype: 'float16', shape: [2], data: new Uint16Array([0x3c00, 0xc000]) },
  ])('round-trips $dtype through onnxruntime (Identity) unchanged', async (host) => {
    const session = await identitySession(host.dtype === 'float16' ? 10 : dtypeCode(host.dtype));
    const { y } = await session.run({ x: toOrtTensor(ort, host) });
    const back = fromOrtTensor(y);
    expect(back.dtype).toBe(host.dtype);
    expect(back.shape).toEqual(host.shape);
    expect(Array.from(back.data as ArrayLike<unknown>)).toEqual(Array.from(host.data as ArrayLike<unknown>));
    await session.release();
  });

  it('widens bfloat16 bit patterns to float32 (0x3f80 = 1, 0xc040 = -3, 0x4049 ≈ 3.140625)', () => {
    const sut = toOrtTensor(ort, { dtype: 'bfloat16', shape: [3], data: new Uint16Array([0x3f80, 0xc040, 0x4049]) });
    expect(sut.type).toBe('float32');
    expect(Array.from(sut.data as Float32Array)).toEqual([1, -3, 3.140625]);
  });

  async function identitySession(elemType: number) {
    const vi = (name: string) => ({ name, type: { tensorType: { elemType } } });
    const model = onnx.ModelProto.create({
      irVersion: 8, opsetImport: [{ domain: '', version: 17 }],
      graph: { name: 'id', node: [{ opType: 'Identity', input: ['x'], output: ['y'] }], input: [vi('x')], output: [vi('y')] },
    });
    return ort.InferenceSession.create(onnx.ModelProto.encode(model).finish());
  }
});

function dtypeCode(dtype: HostTensor['dtype']): number {
  const codes: Record<string, number> = { float32: 1, int32: 6, int64: 7, bool: 9, float16: 10, float64: 11 };
  return codes[dtype];
}
