import { join } from 'node:path';
import { OkapiError } from '../errors/okapi-error';
import { readJsonObject } from './json-file';

/** A Hugging Face `config.json`: free-form, except that `model_type` names the architecture. */
export type HfConfig = Readonly<Record<string, unknown>> & { readonly model_type: string };

export const configFileName = 'config.json';

/** Reads `DIR/config.json`, with precise errors when it is missing, malformed or has no `model_type`. */
export async function readHfConfig(dir: string): Promise<HfConfig> {
  const path = join(dir, configFileName);
  const config = await readJsonObject(path);
  if (config === undefined) {
    throw new OkapiError(`No ${configFileName} in ${dir}`, {
      hint: 'A model directory is a Hugging Face directory (config.json + model.safetensors + tokenizer files); check --model.',
    });
  }
  if (typeof config.model_type !== 'string' || config.model_type === '') {
    throw new OkapiError(`${path} has no "model_type" string`, {
      hint: 'Add the architecture, e.g. "model_type": "llama" or "model_type": "bloom".',
    });
  }
  return config as HfConfig;
}
