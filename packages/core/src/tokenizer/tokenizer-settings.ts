import { join } from 'node:path';
import { readJsonObject } from '../checkpoint/json-file';
import { OkapiError } from '../errors/okapi-error';
import type { Side } from './tokenizer';

/** What tokenizer_config.json and special_tokens_map.json say, before tokens are resolved to ids. */
export interface TokenizerSettings {
  readonly bosToken?: string;
  readonly eosToken?: string;
  readonly padToken?: string;
  readonly unkToken?: string;
  /** Undefined when the config does not say (then the tokenizer's post-processor decides). */
  readonly addBosToken?: boolean;
  readonly addEosToken?: boolean;
  readonly paddingSide?: Side;
  readonly truncationSide?: Side;
  readonly modelMaxLength?: number;
  readonly chatTemplate?: string;
  /** LLaMA SentencePiece conversion: legacy (Prepend normalizer) vs. Metaspace pre-tokenizer. */
  readonly legacy?: boolean;
  /** transformers' clean_up_tokenization after decoding (only when the config says true). */
  readonly cleanUpTokenizationSpaces?: boolean;
}

export const tokenizerConfigFile = 'tokenizer_config.json';
export const specialTokensMapFile = 'special_tokens_map.json';

/** HF stores a special token either as a string or as an AddedToken object with `content`. */
function tokenText(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && typeof (value as { content?: unknown }).content === 'string') return (value as { content: string }).content;
  throw new OkapiError(`${where} must be a string or {"content": ...}, found ${JSON.stringify(value)}`);
}

function optional<T>(value: unknown, check: (v: unknown) => v is T, where: string, expected: string): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (!check(value)) throw new OkapiError(`${where} must be ${expected}, found ${JSON.stringify(value)}`);
  return value;
}

const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isSide = (v: unknown): v is Side => v === 'left' || v === 'right';
const isNumber = (v: unknown): v is number => typeof v === 'number';

/** HF stores one template as a string, or several as [{name, template}] (the "default" one is used). */
function chatTemplate(value: unknown, where: string): string | undefined {
  if (value === undefined || value === null || typeof value === 'string') return value ?? undefined;
  if (Array.isArray(value)) {
    const named = value.find((t: { name?: unknown }) => t?.name === 'default') ?? value[0];
    if (typeof named?.template === 'string') return named.template;
  }
  throw new OkapiError(`${where} must be a string or a list of {name, template}`);
}

/** Reads the settings of a tokenizer directory; both files are optional. */
export async function readTokenizerSettings(dir: string): Promise<TokenizerSettings> {
  const configPath = join(dir, tokenizerConfigFile);
  const config = (await readJsonObject(configPath)) ?? {};
  const map = (await readJsonObject(join(dir, specialTokensMapFile))) ?? {};
  const token = (key: string): string | undefined =>
    tokenText(config[key], `${configPath}: "${key}"`) ?? tokenText(map[key], `${join(dir, specialTokensMapFile)}: "${key}"`);
  const at = (key: string): string => `${configPath}: "${key}"`;
  // HF writes a huge sentinel (1e30) when there is no limit
  const maxLength = optional(config.model_max_length, isNumber, at('model_max_length'), 'a number');
  return {
    bosToken: token('bos_token'),
    eosToken: token('eos_token'),
    padToken: token('pad_token'),
    unkToken: token('unk_token'),
    addBosToken: optional(config.add_bos_token, isBool, at('add_bos_token'), 'true or false'),
    addEosToken: optional(config.add_eos_token, isBool, at('add_eos_token'), 'true or false'),
    paddingSide: optional(config.padding_side, isSide, at('padding_side'), '"left" or "right"'),
    truncationSide: optional(config.truncation_side, isSide, at('truncation_side'), '"left" or "right"'),
    modelMaxLength: maxLength !== undefined && maxLength < 1e15 ? maxLength : undefined,
    chatTemplate: chatTemplate(config.chat_template, at('chat_template')),
    legacy: optional(config.legacy, isBool, at('legacy'), 'true or false'),
    cleanUpTokenizationSpaces: optional(config.clean_up_tokenization_spaces, isBool, at('clean_up_tokenization_spaces'), 'true or false'),
  };
}
