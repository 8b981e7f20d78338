import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readJsonObject } from '../checkpoint/json-file';
import { OkapiError } from '../errors/okapi-error';
import { HfTokenizer } from './hf-tokenizer';
import { parseSentencePieceModel, type SentencePieceModel } from './sentencepiece-model';
import { sentencePieceToTokenizerJson } from './sentencepiece-to-tokenizer-json';
import type { Tokenizer } from './tokenizer';
import { readTokenizerSettings, tokenizerConfigFile, type TokenizerSettings } from './tokenizer-settings';

export const tokenizerJsonFile = 'tokenizer.json';
export const sentencePieceFile = 'tokenizer.model';

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** LlamaTokenizer's defaults for what the config leaves out: special tokens from the trainer's ids, BOS on, EOS off. */
function sentencePieceSettings(model: SentencePieceModel, settings: TokenizerSettings): TokenizerSettings {
  const piece = (id: number): string | undefined => (id >= 0 ? model.pieces[id]?.piece : undefined);
  return {
    ...settings,
    bosToken: settings.bosToken ?? piece(model.bosId),
    eosToken: settings.eosToken ?? piece(model.eosId),
    unkToken: settings.unkToken ?? piece(model.unkId),
    padToken: settings.padToken ?? piece(model.padId),
    addBosToken: settings.addBosToken ?? true,
    addEosToken: settings.addEosToken ?? false,
  };
}

/**
 * Loads the tokenizer of an HF directory: `tokenizer.json` when present, else a BPE SentencePiece
 * `tokenizer.model` (converted as transformers does), with tokenizer_config.json / special_tokens_map.json.
 */
export async function loadTokenizer(dir: string): Promise<Tokenizer> {
  const settings = await readTokenizerSettings(dir);
  const rawConfig = await readJsonObject(join(dir, tokenizerConfigFile));
  const jsonPath = join(dir, tokenizerJsonFile);
  const json = await readIfExists(jsonPath);
  if (json !== undefined) {
    try {
      return await HfTokenizer.create({ json: json.toString('utf8'), origin: jsonPath, rawConfig }, settings);
    } catch (cause) {
      if (cause instanceof OkapiError) throw cause;
      throw new OkapiError(`${jsonPath} could not be loaded: ${(cause as Error).message}`, { cause, hint: 'Re-save it with transformers or tokenizers.' });
    }
  }
  const modelPath = join(dir, sentencePieceFile);
  const spBytes = await readIfExists(modelPath);
  if (spBytes === undefined) {
    throw new OkapiError(`No ${tokenizerJsonFile} or ${sentencePieceFile} in ${dir}`, {
      hint: 'Copy the tokenizer files of the model into its directory, or train one (`trainBpeTokenizer`).',
    });
  }
  const model = parseSentencePieceModel(spBytes, modelPath);
  const spSettings = sentencePieceSettings(model, settings);
  const converted = sentencePieceToTokenizerJson(model, {
    legacy: settings.legacy, addBos: spSettings.addBosToken!, addEos: spSettings.addEosToken!, origin: modelPath,
  });
  return HfTokenizer.create({ json: converted, origin: modelPath, rawConfig }, spSettings);
}
