import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeJsonAtomic } from './atomic-write';
import type { CheckpointTensor } from './checkpoint-tensor';
import { writeGenerationConfig, type HfGenerationConfig } from './generation-config';
import { configFileName } from './hf-config';
import { torchDTypeNames, type StorageDType } from './safetensors-dtype';
import { storedByteLength, writeSafetensors } from './safetensors-writer';
import { planShards } from './shard-plan';
import { shardIndexFile } from './weight-files';

export interface SaveCheckpointOptions {
  /** The HF config.json content; `dtype` (transformers 5) and `torch_dtype` (4.x) are set to match `dtype`. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly tensors: readonly CheckpointTensor[];
  /** On-disk dtype. @defaultValue 'F32' */
  readonly dtype?: StorageDType;
  /** Shard above this many bytes. @defaultValue 5 GB (HF's `max_shard_size="5GB"`) */
  readonly maxShardBytes?: number;
  readonly generationConfig?: HfGenerationConfig;
}

export const defaultMaxShardBytes = 5_000_000_000;

const weightFilePattern = /^(model\.safetensors|model-\d{5}-of-\d{5}\.safetensors|model\.safetensors\.index\.json)$/;

/**
 * Saves an HF model directory that `transformers` loads: config.json, model.safetensors (or shards +
 * model.safetensors.index.json), generation_config.json. Every file is written atomically; weight
 * files of an earlier save that the new one does not use are removed afterwards.
 */
export async function saveHfCheckpoint(dir: string, options: SaveCheckpointOptions): Promise<void> {
  const dtype = options.dtype ?? 'F32';
  await mkdir(dir, { recursive: true });
  const bytesOf = (t: CheckpointTensor): number => storedByteLength(t.shape, dtype);
  const shards = planShards(options.tensors, bytesOf, options.maxShardBytes ?? defaultMaxShardBytes);
  for (const shard of shards) await writeSafetensors(join(dir, shard.fileName), shard.items, dtype);
  const written = new Set(shards.map((s) => s.fileName));
  if (shards.length > 1) {
    const weightMap: Record<string, string> = {};
    for (const shard of shards) for (const t of shard.items) weightMap[t.name] = shard.fileName;
    const totalSize = options.tensors.reduce((sum, t) => sum + bytesOf(t), 0);
    await writeJsonAtomic(join(dir, shardIndexFile), { metadata: { total_size: totalSize }, weight_map: weightMap });
    written.add(shardIndexFile);
  }
  await removeStaleWeights(dir, written);
  // transformers 5 reads `dtype` before `torch_dtype`, so a stale `dtype` from a loaded config would win
  await writeJsonAtomic(join(dir, configFileName), { ...options.config, dtype: torchDTypeNames[dtype], torch_dtype: torchDTypeNames[dtype] });
  if (options.generationConfig !== undefined) await writeGenerationConfig(dir, options.generationConfig);
}

async function removeStaleWeights(dir: string, keep: ReadonlySet<string>): Promise<void> {
  const stale = (await readdir(dir)).filter((f) => weightFilePattern.test(f) && !keep.has(f));
  await Promise.all(stale.map((f) => rm(join(dir, f), { force: true })));
}
