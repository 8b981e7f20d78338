import { join } from 'node:path';
import { OkapiError } from '../errors/okapi-error';
import { writeJsonAtomic } from './atomic-write';
import { readJsonObject } from './json-file';

/** The keys of HF `generation_config.json` that Okapi.ts reads; other keys are kept as they are. */
export interface HfGenerationConfig {
  readonly bos_token_id?: number;
  readonly eos_token_id?: number | readonly number[];
  readonly pad_token_id?: number;
  readonly max_new_tokens?: number;
  readonly max_length?: number;
  readonly do_sample?: boolean;
  readonly temperature?: number;
  readonly top_k?: number;
  readonly top_p?: number;
  readonly repetition_penalty?: number;
  readonly [key: string]: unknown;
}

export const generationConfigFileName = 'generation_config.json';

const numericKeys = ['bos_token_id', 'pad_token_id', 'max_new_tokens', 'max_length', 'temperature', 'top_k', 'top_p', 'repetition_penalty'];

/** Reads `DIR/generation_config.json`; `undefined` when the directory has none. */
export async function readGenerationConfig(dir: string): Promise<HfGenerationConfig | undefined> {
  const path = join(dir, generationConfigFileName);
  const raw = await readJsonObject(path);
  if (raw === undefined) return undefined;
  for (const key of numericKeys) {
    if (raw[key] !== undefined && raw[key] !== null && typeof raw[key] !== 'number') {
      throw new OkapiError(`${path}: "${key}" must be a number, found ${JSON.stringify(raw[key])}`);
    }
  }
  const eos = raw.eos_token_id;
  const eosOk = eos === undefined || eos === null || typeof eos === 'number' || (Array.isArray(eos) && eos.every((e) => typeof e === 'number'));
  if (!eosOk) throw new OkapiError(`${path}: "eos_token_id" must be a number or a list of numbers`);
  return raw as HfGenerationConfig;
}

/** EOS ids as a list, whichever form the file used. */
export function eosTokenIds(config: HfGenerationConfig | undefined): number[] {
  const eos = config?.eos_token_id;
  if (eos === undefined || eos === null) return [];
  return typeof eos === 'number' ? [eos] : [...eos];
}

/**
 * The generation_config.json HF `save_pretrained` writes for a causal LM without one
 * (`GenerationConfig.from_model_config`): the special token ids of config.json.
 */
export function generationConfigFromModelConfig(config: Readonly<Record<string, unknown>>): HfGenerationConfig {
  const keys = ['bos_token_id', 'eos_token_id', 'pad_token_id'] as const;
  return Object.fromEntries(keys.filter((k) => config[k] !== undefined && config[k] !== null).map((k) => [k, config[k]]));
}

export async function writeGenerationConfig(dir: string, config: HfGenerationConfig): Promise<void> {
  await writeJsonAtomic(join(dir, generationConfigFileName), config);
}
