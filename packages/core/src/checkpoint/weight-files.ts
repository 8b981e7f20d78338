import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { OkapiError } from '../errors/okapi-error';
import { readJsonObject } from './json-file';

export const singleWeightsFile = 'model.safetensors';
export const shardIndexFile = 'model.safetensors.index.json';

/** Which safetensors files hold which tensor, as the directory declares it. */
export interface WeightLayout {
  /** Shard file name → the tensor names the index says it holds; one entry for an unsharded model. */
  readonly files: ReadonlyMap<string, readonly string[] | 'all'>;
}

const convertHint =
  'Okapi.ts reads safetensors only (pickle files can run code). Convert once with Python: ' +
  '`from transformers import AutoModelForCausalLM; AutoModelForCausalLM.from_pretrained(DIR).save_pretrained(DIR, safe_serialization=True)`.';

async function listDir(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new OkapiError(`Model directory ${dir} does not exist`);
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') throw new OkapiError(`${dir} is a file, not a model directory`);
    throw error;
  }
}

async function readShardIndex(dir: string): Promise<WeightLayout> {
  const path = join(dir, shardIndexFile);
  const index = await readJsonObject(path);
  const weightMap = index?.weight_map;
  if (typeof weightMap !== 'object' || weightMap === null || Array.isArray(weightMap)) {
    throw new OkapiError(`${path} has no "weight_map" object`, { hint: 'The index must map each tensor name to its shard file.' });
  }
  const files = new Map<string, string[]>();
  for (const [name, file] of Object.entries(weightMap)) {
    if (typeof file !== 'string') throw new OkapiError(`${path}: weight_map["${name}"] must be a file name, found ${JSON.stringify(file)}`);
    files.set(file, [...(files.get(file) ?? []), name]);
  }
  return { files };
}

/** Finds the model weights in an HF directory; a pickle-only directory gets an error on how to convert it. */
export async function findWeightLayout(dir: string): Promise<WeightLayout> {
  const entries = await listDir(dir);
  if (entries.includes(shardIndexFile)) return readShardIndex(dir);
  if (entries.includes(singleWeightsFile)) return { files: new Map([[singleWeightsFile, 'all' as const]]) };
  const pickles = entries.filter((e) => /^pytorch_model.*\.bin(\.index\.json)?$/.test(e));
  if (pickles.length > 0) {
    throw new OkapiError(`${dir} has only PyTorch pickle weights (${pickles.join(', ')}), no ${singleWeightsFile}`, { hint: convertHint });
  }
  const others = entries.filter((e) => e.endsWith('.safetensors'));
  const found = others.length > 0 ? ` (found ${others.join(', ')})` : '';
  throw new OkapiError(`No ${singleWeightsFile} or ${shardIndexFile} in ${dir}${found}`, {
    hint: 'Point --model at a Hugging Face model directory saved with safe_serialization=True.',
  });
}
