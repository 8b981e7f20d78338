import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HfCheckpointReader } from './checkpoint-reader';
import type { CheckpointTensor } from './checkpoint-tensor';
import { saveHfCheckpoint } from './checkpoint-writer';
import { readGenerationConfig } from './generation-config';
import { readHfConfig } from './hf-config';

// Values exactly representable in f16 and bf16 (small integers over powers of two), so every dtype round-trips exactly.
const exact = (n: number, seed: number): Float32Array => Float32Array.from({ length: n }, (_, i) => ((i * 7 + seed) % 33 - 16) / 8);

const tensors: CheckpointTensor[] = [
  { name: 'model.embed_tokens.weight', shape: [5, 4], data: exact(20, 1) },
  { name: 'model.layers.0.self_attn.q_proj.weight', shape: [4, 4], data: () => exact(16, 2) },
  { name: 'model.norm.weight', shape: [4], data: exact(4, 3) },
];

describe(saveHfCheckpoint.name, () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'okapi-ckpt-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  async function readAll(): Promise<Map<string, number[]>> {
    const sut = await HfCheckpointReader.open(dir);
    const out = new Map<string, number[]>();
    for (const t of tensors) out.set(t.name, [...(await sut.read(t.name, t.shape))]);
    await sut.close();
    return out;
  }

  it.each(['F32', 'F16', 'BF16'] as const)('round-trips %s losslessly, with config and generation config', async (dtype) => {
    // a stale transformers 5 `dtype` in the incoming config must not survive (HF reads it before torch_dtype)
    await saveHfCheckpoint(dir, { config: { model_type: 'llama', hidden_size: 4, dtype: 'float64' }, tensors, dtype, generationConfig: { eos_token_id: [2, 3] } });
    const values = await readAll();
    expect(values.get('model.embed_tokens.weight')).toEqual([...exact(20, 1)]);
    expect(values.get('model.layers.0.self_attn.q_proj.weight')).toEqual([...exact(16, 2)]);
    expect((await readHfConfig(dir)).torch_dtype).toBe({ F32: 'float32', F16: 'float16', BF16: 'bfloat16' }[dtype]);
    expect((await readHfConfig(dir)).dtype).toBe({ F32: 'float32', F16: 'float16', BF16: 'bfloat16' }[dtype]); // transformers 5's key
    expect((await readGenerationConfig(dir))?.eos_token_id).toEqual([2, 3]);
    expect((await readdir(dir)).sort()).toEqual(['config.json', 'generation_config.json', 'model.safetensors']);
  });

  it('rounds f16 to nearest within half an ulp', async () => {
    const data = Float32Array.from({ length: 64 }, (_, i) => Math.sin(i + 1));
    await saveHfCheckpoint(dir, { config: { model_type: 'llama' }, tensors: [{ name: 'w', shape: [64], data }], dtype: 'F16' });
    const sut = await HfCheckpointReader.open(dir);
    const back = await sut.read('w');
    await sut.close();
    back.forEach((v, i) => expect(Math.abs(v - data[i])).toBeLessThanOrEqual(2 ** -11 * Math.abs(data[i]) + 2 ** -25));
  });

  it('shards above the size limit and writes the index HF expects', async () => {
    // bytes in F16: 40, 32, 8 → limit 40 gives [embed], [q_proj, norm]
    await saveHfCheckpoint(dir, { config: { model_type: 'llama' }, tensors, dtype: 'F16', maxShardBytes: 40 });
    const index = JSON.parse(await readFile(join(dir, 'model.safetensors.index.json'), 'utf8'));
    expect(index).toEqual({
      metadata: { total_size: 80 },
      weight_map: {
        'model.embed_tokens.weight': 'model-00001-of-00002.safetensors',
        'model.layers.0.self_attn.q_proj.weight': 'model-00002-of-00002.safetensors',
        'model.norm.weight': 'model-00002-of-00002.safetensors',
      },
    });
    expect((await readAll()).get('model.norm.weight')).toEqual([...exact(4, 3)]);
  });

  it('removes the shards of an earlier save when saving unsharded', async () => {
    await saveHfCheckpoint(dir, { config: { model_type: 'llama' }, tensors, maxShardBytes: 64 });
    await saveHfCheckpoint(dir, { config: { model_type: 'llama' }, tensors });
    expect((await readdir(dir)).sort()).toEqual(['config.json', 'model.safetensors']);
    expect((await readAll()).get('model.embed_tokens.weight')).toEqual([...exact(20, 1)]);
  });

  it('opens lazily: only headers are read until a tensor is asked for', async () => {
    const big = Array.from({ length: 4 }, (_, i) => ({ name: `w${i}`, shape: [1024, 1024], data: new Float32Array(1024 * 1024).fill(i) }));
    await saveHfCheckpoint(dir, { config: { model_type: 'llama' }, tensors: big, dtype: 'BF16' });
    const before = process.memoryUsage().arrayBuffers;
    const sut = await HfCheckpointReader.open(dir);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024); // 8 MB of weights on disk
    expect((await sut.read('w3'))[5]).toBe(3);
    await sut.close();
  });

  it('refuses a tensor whose data does not fit its shape, and leaves no temporary file', async () => {
    const bad = [{ name: 'w', shape: [3], data: new Float32Array(2) }];
    await expect(saveHfCheckpoint(dir, { config: { model_type: 'llama' }, tensors: bad })).rejects.toThrow(/'w' has 2 values but its shape \[3\] needs 3/);
    expect(await readdir(dir)).toEqual([]);
  });
});
