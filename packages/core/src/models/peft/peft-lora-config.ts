import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { OkapiError } from '../../errors/okapi-error';
import { ADAPTER_CONFIG_FILE } from './peft-layout';

/** What merging a PEFT LoRA adapter needs from its adapter_config.json. */
export interface PeftLoraConfig {
  readonly file: string;
  readonly rank: number;
  readonly alpha: number;
  /** PEFT's `scaling`: lora_alpha / r, or lora_alpha / √r with use_rslora. */
  readonly scaling: number;
  /** `base_model_name_or_path` as written (a hub id or a path). */
  readonly baseModel?: string;
}

const MERGE_IN_PYTHON = 'Merge it with PEFT instead (PeftModel.from_pretrained(base, dir).merge_and_unload().save_pretrained(out)) and load the merged directory.';

/**
 * PEFT fields that change what the adapter computes beyond W + scaling·B·A, with why they are refused.
 * A field counts as set when it is not null / false / 'none' / empty.
 */
const UNSUPPORTED: readonly (readonly [field: string, what: string])[] = [
  ['use_dora', 'DoRA (weight-decomposed LoRA) adapters'],
  ['rank_pattern', 'per-module ranks (rank_pattern)'],
  ['alpha_pattern', 'per-module alphas (alpha_pattern)'],
  ['fan_in_fan_out', 'fan_in_fan_out (transposed Conv1D weights, as in GPT-2)'],
  ['bias', "trained biases (bias other than 'none')"],
  ['lora_bias', 'a bias on lora_B (lora_bias)'],
  ['modules_to_save', 'fully trained modules saved beside the adapter (modules_to_save)'],
  ['layers_to_transform', 'adapters on some layers only (layers_to_transform)'],
  ['layer_replication', 'replicated layers (layer_replication)'],
  ['trainable_token_indices', 'trained token embeddings (trainable_token_indices)'],
  ['target_parameters', 'adapters on parameters rather than modules (target_parameters)'],
];

const isSet = (value: unknown): boolean =>
  !(value === undefined || value === null || value === false || value === 'none' || (Array.isArray(value) && value.length === 0)
    || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0));

/** Reads and checks `<dir>/adapter_config.json`: a LoRA adapter Okapi.ts can merge, or an error that says why not. */
export async function readPeftLoraConfig(dir: string): Promise<PeftLoraConfig> {
  const file = path.join(dir, ADAPTER_CONFIG_FILE);
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new OkapiError(`${file}: not a readable JSON adapter config (${(error as Error).message}).`, { hint: 'Save the adapter with PEFT (model.save_pretrained(dir)) or `okapi sft` with sft.lora.mergeOnSave: false.' });
  }
  if (raw.peft_type !== 'LORA') {
    throw new OkapiError(`${file}: peft_type ${JSON.stringify(raw.peft_type)} is not supported; Okapi.ts applies LoRA adapters only.`, { hint: MERGE_IN_PYTHON });
  }
  for (const [field, what] of UNSUPPORTED) {
    if (isSet(raw[field])) throw new OkapiError(`${file}: ${what} are not supported ('${field}': ${JSON.stringify(raw[field])}).`, { hint: MERGE_IN_PYTHON });
  }
  const rank = raw.r;
  const alpha = raw.lora_alpha ?? 8; // LoraConfig's default
  if (typeof rank !== 'number' || !Number.isInteger(rank) || rank <= 0 || typeof alpha !== 'number') {
    throw new OkapiError(`${file}: 'r' must be a positive integer and 'lora_alpha' a number (got r ${JSON.stringify(rank)}, lora_alpha ${JSON.stringify(raw.lora_alpha)}).`, { hint: MERGE_IN_PYTHON });
  }
  const scaling = raw.use_rslora === true ? alpha / Math.sqrt(rank) : alpha / rank;
  const baseModel = typeof raw.base_model_name_or_path === 'string' && raw.base_model_name_or_path !== '' ? raw.base_model_name_or_path : undefined;
  return { file, rank, alpha, scaling, baseModel };
}
