import type { Tokenizer as NativeTokenizer } from 'tokenizers';
import { OkapiError } from '../errors/okapi-error';
import type { SpecialToken, SpecialTokens, Tokenizer } from './tokenizer';
import type { TokenizerSettings } from './tokenizer-settings';

export interface ResolvedSpecialTokens {
  readonly special: SpecialTokens;
  readonly specialIds: ReadonlySet<number>;
  readonly prefixIds: readonly number[];
  readonly suffixIds: readonly number[];
  /** Whether tokenizer.json's own post-processor adds exactly prefixIds / suffixIds. */
  readonly postProcessorAgrees: boolean;
}

function resolve(native: NativeTokenizer, token: string | undefined, key: string, origin: string): SpecialToken | undefined {
  if (token === undefined) return undefined;
  const id = native.tokenToId(token);
  if (id === null || id === undefined) {
    throw new OkapiError(`The tokenizer config of ${origin} names ${key} '${token}', which is not in the vocabulary`, {
      hint: `Use a token that exists in tokenizer.json, or remove "${key}" from tokenizer_config.json.`,
    });
  }
  return { token, id };
}

/** Ids of added tokens marked `special` in tokenizer.json. */
function addedSpecialIds(json: string): number[] {
  const parsed = JSON.parse(json) as { added_tokens?: { id: number; special?: boolean }[] };
  return (parsed.added_tokens ?? []).filter((t) => t.special === true).map((t) => t.id);
}

/** What the library's post-processor adds around a text: ids before and after its content ids. */
async function probePostProcessor(native: NativeTokenizer): Promise<{ prefix: number[]; suffix: number[] }> {
  const plain = (await native.encode('Hello', null, { addSpecialTokens: false })).getIds();
  const full = (await native.encode('Hello', null, { addSpecialTokens: true })).getIds();
  for (let start = 0; start + plain.length <= full.length; start++) {
    if (plain.every((id, i) => full[start + i] === id)) {
      return { prefix: full.slice(0, start), suffix: full.slice(start + plain.length) };
    }
  }
  return { prefix: [], suffix: [] };
}

function configured(flag: boolean | undefined, token: SpecialToken | undefined, key: string, origin: string): number[] {
  if (!flag) return [];
  if (token === undefined) throw new OkapiError(`The tokenizer config of ${origin} sets add_${key}_token but names no ${key}_token`);
  return [token.id];
}

/**
 * Resolves special tokens to ids and decides what `addSpecialTokens` adds: `add_bos_token` /
 * `add_eos_token` when tokenizer_config.json sets them (LLaMA), else what tokenizer.json's post-processor adds (BLOOM: nothing).
 */
export async function resolveSpecialTokens(
  native: NativeTokenizer,
  source: { json: string; origin: string },
  settings: TokenizerSettings,
): Promise<ResolvedSpecialTokens> {
  const o = source.origin;
  const special: SpecialTokens = {
    bos: resolve(native, settings.bosToken, 'bos_token', o),
    eos: resolve(native, settings.eosToken, 'eos_token', o),
    pad: resolve(native, settings.padToken, 'pad_token', o),
    unk: resolve(native, settings.unkToken, 'unk_token', o),
  };
  const probed = await probePostProcessor(native);
  const prefixIds = settings.addBosToken === undefined ? probed.prefix : configured(settings.addBosToken, special.bos, 'bos', o);
  const suffixIds = settings.addEosToken === undefined ? probed.suffix : configured(settings.addEosToken, special.eos, 'eos', o);
  const ids = [...addedSpecialIds(source.json), ...[special.bos, special.eos, special.pad, special.unk].filter((t) => t !== undefined).map((t) => t.id)];
  const same = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);
  const postProcessorAgrees = same(probed.prefix, prefixIds) && same(probed.suffix, suffixIds);
  return { special, specialIds: new Set(ids), prefixIds, suffixIds, postProcessorAgrees };
}

/** tokenizer_config.json to save: the keys read, updated with what this tokenizer does. */
export function tokenizerConfigJson(
  raw: Readonly<Record<string, unknown>> | undefined,
  settings: TokenizerSettings,
  tokenizer: Pick<Tokenizer, 'special' | 'prefixIds' | 'suffixIds' | 'paddingSide' | 'truncationSide'>,
): Record<string, unknown> {
  const { special } = tokenizer;
  const out: Record<string, unknown> = {
    tokenizer_class: 'PreTrainedTokenizerFast',
    clean_up_tokenization_spaces: false,
    ...raw,
    add_bos_token: special.bos !== undefined && tokenizer.prefixIds.includes(special.bos.id),
    add_eos_token: special.eos !== undefined && tokenizer.suffixIds.includes(special.eos.id),
    padding_side: tokenizer.paddingSide,
    truncation_side: tokenizer.truncationSide,
  };
  for (const key of ['bos', 'eos', 'pad', 'unk'] as const) {
    const token = special[key];
    if (token !== undefined) out[`${key}_token`] = token.token;
  }
  if (settings.modelMaxLength !== undefined) out.model_max_length = settings.modelMaxLength;
  if (settings.chatTemplate !== undefined) out.chat_template = settings.chatTemplate;
  return out;
}

export function specialTokensMap(special: SpecialTokens): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['bos', 'eos', 'pad', 'unk'] as const) {
    const token = special[key];
    if (token !== undefined) out[`${key}_token`] = token.token;
  }
  return out;
}
