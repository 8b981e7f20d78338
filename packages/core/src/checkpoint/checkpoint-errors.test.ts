import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OkapiError } from '../errors/okapi-error';
import { HfCheckpointReader } from './checkpoint-reader';
import { saveHfCheckpoint } from './checkpoint-writer';
import { readHfConfig } from './hf-config';

describe('checkpoint directory errors', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'okapi-ckpt-err-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  const tensors = [
    { name: 'model.embed_tokens.weight', shape: [3, 2], data: new Float32Array(6) },
    { name: 'model.norm.weight', shape: [2], data: new Float32Array(2) },
  ];

  it('names a missing config.json', async () => {
    await expect(readHfConfig(dir)).rejects.toThrow(`No config.json in ${dir}`);
  });

  it('gives line and column of malformed config.json', async () => {
    await writeFile(join(dir, 'config.json'), '{\n  "model_type": "llama",\n  "hidden_size": 4,\n}');
    const error = await readHfConfig(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OkapiError);
    expect((error as Error).message).toMatch(/config\.json is not valid JSON at line 4, column 1/);
  });

  it('asks for model_type', async () => {
    await writeFile(join(dir, 'config.json'), '{"hidden_size": 4}');
    await expect(readHfConfig(dir)).rejects.toThrow(/has no "model_type" string/);
  });

  it('explains how to convert a pytorch_model.bin-only directory', async () => {
    await writeFile(join(dir, 'pytorch_model.bin'), 'x');
    const error = (await HfCheckpointReader.open(dir).catch((e: unknown) => e)) as OkapiError;
    expect(error.message).toMatch(/only PyTorch pickle weights \(pytorch_model\.bin\)/);
    expect(error.hint).toMatch(/save_pretrained\(DIR, safe_serialization=True\)/);
  });

  it('names a missing tensor with a suggestion, and all wrong shapes', async () => {
    await saveHfCheckpoint(dir, { config: { model_type: 'llama' }, tensors });
    const sut = await HfCheckpointReader.open(dir);
    await expect(sut.read('model.embed_token.weight')).rejects.toThrow(/Missing tensor in .*'model.embed_token.weight' Did you mean 'model.embed_tokens.weight'\?/);
    expect(() => sut.check([{ name: 'model.embed_tokens.weight', shape: [2, 3] }, { name: 'model.norm.weight', shape: [4] }])).toThrow(
      /'model.embed_tokens.weight' is \[3, 2\], expected \[2, 3\]; 'model.norm.weight' is \[2\], expected \[4\]/,
    );
    await sut.close();
  });

  it('names tensors stored with a non-float dtype', async () => {
    const header = JSON.stringify({ 'model.norm.weight': { dtype: 'I64', shape: [1], data_offsets: [0, 8] } });
    const size = Buffer.alloc(8);
    size.writeBigUInt64LE(BigInt(header.length));
    await writeFile(join(dir, 'model.safetensors'), Buffer.concat([size, Buffer.from(header), Buffer.alloc(8)]));
    const sut = await HfCheckpointReader.open(dir);
    expect(() => sut.check([{ name: 'model.norm.weight', shape: [1] }])).toThrow(/dtype Okapi.ts cannot load: 'model.norm.weight' is I64/);
    await expect(sut.read('model.norm.weight')).rejects.toThrow(/tensor 'model.norm.weight' has dtype I64/);
    await sut.close();
  });

  it('names a shard file the index lists but the directory lacks', async () => {
    await saveHfCheckpoint(dir, { config: { model_type: 'llama' }, tensors, maxShardBytes: 8 });
    await rm(join(dir, 'model-00002-of-00002.safetensors'));
    await expect(HfCheckpointReader.open(dir)).rejects.toThrow(/Shard model-00002-of-00002.safetensors named in .* index is missing/);
  });

  it('names a directory that does not exist, and one with no weights', async () => {
    await expect(HfCheckpointReader.open(join(dir, 'nope'))).rejects.toThrow(/does not exist/);
    await mkdir(join(dir, 'empty'));
    await expect(HfCheckpointReader.open(join(dir, 'empty'))).rejects.toThrow(/No model.safetensors or model.safetensors.index.json/);
  });
});
