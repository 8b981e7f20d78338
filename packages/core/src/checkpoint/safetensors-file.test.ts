import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SafetensorsFile } from './safetensors-file';
import { buildHeader } from './safetensors-header';

/** A file laid out by hand from the safetensors spec: u64 LE header size, JSON header, raw LE data. */
function specFile(header: object, data: number[]): Buffer {
  const json = Buffer.from(JSON.stringify(header));
  const size = Buffer.alloc(8);
  size.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([size, json, Buffer.from(data)]);
}

describe(SafetensorsFile.name, () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'okapi-st-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  async function openBytes(bytes: Buffer): Promise<SafetensorsFile> {
    const path = join(dir, 'x.safetensors');
    await writeFile(path, bytes);
    return SafetensorsFile.open(path);
  }

  it('reads F32, F16 and BF16 tensors from a hand-built file', async () => {
    const sut = await openBytes(specFile({
      h: { dtype: 'F16', shape: [3], data_offsets: [0, 6] },
      b: { dtype: 'BF16', shape: [2], data_offsets: [6, 10] },
      f: { dtype: 'F32', shape: [1, 1], data_offsets: [10, 14] },
    }, [0x00, 0x3c, 0x00, 0xc0, 0xff, 0x7b, 0x80, 0x3f, 0x49, 0x40, 0x00, 0x00, 0x80, 0x3f]));
    expect([...(await sut.readFloat32('h'))]).toEqual([1, -2, 65504]);
    expect([...(await sut.readFloat32('b'))]).toEqual([1, 3.140625]);
    expect([...(await sut.readFloat32('f'))]).toEqual([1]);
    expect(sut.entry('f')?.shape).toEqual([1, 1]);
    await sut.close();
  });

  it('builds the header the spec describes: LE length, JSON, space padding to 8 bytes', () => {
    const bytes = buildHeader([{ name: 'a', dtype: 'F32', shape: [2], byteLength: 8 }], { format: 'pt' });
    const json = '{"__metadata__":{"format":"pt"},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}';
    const padded = Math.ceil(json.length / 8) * 8;
    expect(bytes.length).toBe(8 + padded);
    expect(Buffer.from(bytes).readBigUInt64LE(0)).toBe(BigInt(padded));
    expect(Buffer.from(bytes.subarray(8)).toString()).toBe(json + ' '.repeat(padded - json.length));
  });

  it('names a truncated data area', async () => {
    const bytes = specFile({ w: { dtype: 'F32', shape: [4], data_offsets: [0, 16] } }, [0, 0, 0, 0]);
    await expect(openBytes(bytes)).rejects.toThrow(/truncated: tensors need 16 bytes of data but the file has 4/);
  });

  it('names a truncated header', async () => {
    await expect(openBytes(specFile({ w: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, []).subarray(0, 20))).rejects.toThrow(/truncated: the header claims/);
    await expect(openBytes(Buffer.from([1, 2, 3]))).rejects.toThrow(/fewer than the 8-byte header length/);
  });

  it('rejects data_offsets that disagree with dtype and shape, naming the tensor', async () => {
    const bytes = specFile({ 'model.w': { dtype: 'F16', shape: [3], data_offsets: [0, 4] } }, [0, 0, 0, 0]);
    await expect(openBytes(bytes)).rejects.toThrow(/tensor 'model.w': F16\[3\] needs 6 bytes but data_offsets span 4/);
  });

  it('rejects a header that is not JSON', async () => {
    const size = Buffer.alloc(8);
    size.writeBigUInt64LE(3n);
    await expect(openBytes(Buffer.concat([size, Buffer.from('{x}')]))).rejects.toThrow(/not valid UTF-8 JSON/);
  });

  it('refuses a non-float tensor by name and dtype', async () => {
    const sut = await openBytes(specFile({ ids: { dtype: 'I32', shape: [1], data_offsets: [0, 4] } }, [1, 0, 0, 0]));
    await expect(sut.readFloat32('ids')).rejects.toThrow(/tensor 'ids' has dtype I32; expected one of F32, F16, BF16/);
    await sut.close();
  });
});
