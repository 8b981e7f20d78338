import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SafetensorsFile } from './safetensors-file';
import { writeSafetensors } from './safetensors-writer';

// Bytes written by the reference implementation (Python safetensors 0.8.0, `safetensors.numpy.save_file`,
// metadata {'format': 'pt'}) for model.a = [[0.1, -3], [1e-8, 7]] and model.b = [1.5, -2.25, 65504],
// converted to each dtype with numpy's astype (round to nearest even; bfloat16 from ml_dtypes).
const reference = {
  F32: 'a0000000000000007b225f5f6d657461646174615f5f223a7b22666f726d6174223a227074227d2c226d6f64656c2e61223a7b226474797065223a22463332222c227368617065223a5b322c325d2c22646174615f6f666673657473223a5b302c31365d7d2c226d6f64656c2e62223a7b226474797065223a22463332222c227368617065223a5b335d2c22646174615f6f666673657473223a5b31362c32385d7d7d2020202020cdcccc3d000040c077cc2b320000e0400000c03f000010c000e07f47',
  F16: 'a0000000000000007b225f5f6d657461646174615f5f223a7b22666f726d6174223a227074227d2c226d6f64656c2e61223a7b226474797065223a22463136222c227368617065223a5b322c325d2c22646174615f6f666673657473223a5b302c385d7d2c226d6f64656c2e62223a7b226474797065223a22463136222c227368617065223a5b335d2c22646174615f6f666673657473223a5b382c31345d7d7d20202020202020662e00c200000047003e80c0ff7b',
  // ml_dtypes.bfloat16
  BF16: 'a0000000000000007b225f5f6d657461646174615f5f223a7b22666f726d6174223a227074227d2c226d6f64656c2e61223a7b226474797065223a2242463136222c227368617065223a5b322c325d2c22646174615f6f666673657473223a5b302c385d7d2c226d6f64656c2e62223a7b226474797065223a2242463136222c227368617065223a5b335d2c22646174615f6f666673657473223a5b382c31345d7d7d2020202020cd3d40c02c32e040c03f10c08047',
  // one F32 and one F16 tensor in the same file
  mixed: 'a0000000000000007b225f5f6d657461646174615f5f223a7b22666f726d6174223a227074227d2c226d6f64656c2e61223a7b226474797065223a22463332222c227368617065223a5b322c325d2c22646174615f6f666673657473223a5b302c31365d7d2c226d6f64656c2e62223a7b226474797065223a22463136222c227368617065223a5b335d2c22646174615f6f666673657473223a5b31362c32325d7d7d2020202020cdcccc3d000040c077cc2b320000e040003e80c0ff7b',
};
const a = Float32Array.from([0.1, -3, 1e-8, 7]);
const b = Float32Array.from([1.5, -2.25, 65504]);

describe('safetensors against the reference implementation', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'okapi-ref-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it.each(['F32', 'F16', 'BF16'] as const)('writes %s files byte for byte as Python safetensors does', async (dtype) => {
    const path = join(dir, 'x.safetensors');
    await writeSafetensors(path, [{ name: 'model.a', shape: [2, 2], data: a }, { name: 'model.b', shape: [3], data: b }], dtype);
    expect((await readFile(path)).toString('hex')).toBe(reference[dtype]);
  });

  it('reads a file with mixed dtypes written by Python safetensors', async () => {
    const path = join(dir, 'x.safetensors');
    await writeFile(path, Buffer.from(reference.mixed, 'hex'));
    const sut = await SafetensorsFile.open(path);
    expect(sut.metadata).toEqual({ format: 'pt' });
    expect([...(await sut.readFloat32('model.a'))]).toEqual([...a]);
    expect([...(await sut.readFloat32('model.b'))]).toEqual([1.5, -2.25, 65504]);
    expect(sut.entry('model.b')).toMatchObject({ dtype: 'F16', shape: [3] });
    await sut.close();
  });
});
