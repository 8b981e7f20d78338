import { chmod, copyFile, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  generationConfigFileName, generationConfigFromModelConfig, loadTokenizer, readJsonObject, writeJsonAtomic,
} from '@okapi/core';

/** Tokenizer files transformers.js (and HF) read, copied when the model directory has them. */
const tokenizerFiles = ['tokenizer.json', 'tokenizer_config.json', 'special_tokens_map.json', 'tokenizer.model', 'added_tokens.json'];

/** Weights up to this size stay inside model.onnx (protobuf's limit is 2 GiB); larger go to model.onnx_data. */
export const inlineWeightBytes = 1.8e9;

async function exists(file: string): Promise<boolean> {
  return stat(file).then(() => true, () => false);
}

/**
 * Writes the files around `onnx/model.onnx` that make `outDir` a model folder transformers.js loads:
 * config.json (with `transformers.js_config.use_external_data_format` when the weights went to
 * model.onnx_data), generation_config.json and the tokenizer (tokenizer.json is written from
 * tokenizer.model when the source has only that). Returns the files written, relative to `outDir`.
 */
export async function writeModelFolderFiles(modelDir: string, outDir: string, externalData: boolean): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const written: string[] = [];
  const config = (await readJsonObject(path.join(modelDir, 'config.json'))) ?? {};
  const jsConfig = { ...(config['transformers.js_config'] as Record<string, unknown> | undefined) };
  if (externalData) jsConfig.use_external_data_format = true;
  else delete jsConfig.use_external_data_format;
  const { ['transformers.js_config']: old, ...rest } = config;
  const inPlace = path.resolve(modelDir) === path.resolve(outDir);
  if (!inPlace || JSON.stringify(old ?? {}) !== JSON.stringify(jsConfig)) {
    await writeJsonAtomic(path.join(outDir, 'config.json'), Object.keys(jsConfig).length > 0 ? { ...rest, 'transformers.js_config': jsConfig } : rest);
    written.push('config.json');
  }
  if (inPlace) return written;

  const generation = (await readJsonObject(path.join(modelDir, generationConfigFileName))) ?? generationConfigFromModelConfig(config);
  await writeJsonAtomic(path.join(outDir, generationConfigFileName), generation);
  written.push(generationConfigFileName);
  for (const file of tokenizerFiles) {
    if (!(await exists(path.join(modelDir, file)))) continue;
    await rm(path.join(outDir, file), { force: true });
    await copyFile(path.join(modelDir, file), path.join(outDir, file));
    await chmod(path.join(outDir, file), 0o644); // a read-only source must not make the next export fail
    written.push(file);
  }
  if (!written.includes('tokenizer.json') && written.includes('tokenizer.model')) {
    await (await loadTokenizer(modelDir)).save(outDir);
    written.push('tokenizer.json');
  }
  return written;
}
