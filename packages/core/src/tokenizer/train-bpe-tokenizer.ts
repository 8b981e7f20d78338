import { byteLevelAlphabet } from 'tokenizers';
import { OkapiError } from '../errors/okapi-error';
import { HfTokenizer } from './hf-tokenizer';
import { learnByteLevelMerges } from './train-bpe-merges';

export interface BpeTrainingOptions {
  readonly texts: Iterable<string>;
  /** Total ids: special tokens + the 256 byte symbols + merges. */
  readonly vocabSize: number;
  /** Special tokens, given ids 0, 1, … in this order. @defaultValue `{ unk: '<unk>', bos: '<s>', eos: '</s>', pad: '<pad>' }` */
  readonly specialTokens?: { readonly unk?: string; readonly bos?: string; readonly eos?: string; readonly pad?: string };
  /** @defaultValue false (BLOOM-style: no BOS) */
  readonly addBos?: boolean;
  /** @defaultValue false */
  readonly addEos?: boolean;
  readonly modelMaxLength?: number;
  readonly chatTemplate?: string;
}

const defaultSpecials = { unk: '<unk>', bos: '<s>', eos: '</s>', pad: '<pad>' };
const byteLevel = { add_prefix_space: false, trim_offsets: true, use_regex: true };

function vocabulary(specials: readonly string[], merges: readonly [string, string][], vocabSize: number) {
  const alphabet = byteLevelAlphabet().sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
  const vocab = new Map<string, number>();
  for (const token of [...specials, ...alphabet]) if (!vocab.has(token)) vocab.set(token, vocab.size);
  const kept: [string, string][] = [];
  for (const [left, right] of merges) {
    if (vocab.size >= vocabSize) break;
    if (!vocab.has(left + right)) vocab.set(left + right, vocab.size);
    kept.push([left, right]);
  }
  return { vocab: Object.fromEntries(vocab), merges: kept };
}

/**
 * Trains a byte-level BPE tokenizer (GPT-2 / BLOOM style: any text encodes, nothing is unknown) on
 * `texts` with the `tokenizers` trainer. `save(dir)` writes tokenizer.json + tokenizer_config.json.
 */
export async function trainBpeTokenizer(options: BpeTrainingOptions): Promise<HfTokenizer> {
  const names = { ...defaultSpecials, ...options.specialTokens };
  const specials = [names.unk, names.bos, names.eos, names.pad];
  const minimum = specials.length + 256;
  if (!Number.isInteger(options.vocabSize) || options.vocabSize < minimum) {
    throw new OkapiError(`vocabSize ${options.vocabSize} is too small: a byte-level BPE tokenizer needs at least ${minimum} ids (special tokens + 256 bytes)`);
  }
  const { vocab, merges } = vocabulary(specials, await learnByteLevelMerges(options.texts), options.vocabSize);
  const json = JSON.stringify({
    version: '1.0', truncation: null, padding: null,
    added_tokens: specials.map((content, id) => ({ id, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true })),
    normalizer: null,
    pre_tokenizer: { type: 'ByteLevel', ...byteLevel },
    post_processor: { type: 'ByteLevel', ...byteLevel, trim_offsets: false },
    decoder: { type: 'ByteLevel', ...byteLevel },
    model: { type: 'BPE', dropout: null, unk_token: null, continuing_subword_prefix: null, end_of_word_suffix: null, fuse_unk: false, byte_fallback: false, ignore_merges: false, vocab, merges },
  });
  return HfTokenizer.create({ json, origin: 'trained BPE tokenizer', rawConfig: { tokenizer_class: 'PreTrainedTokenizerFast' } }, {
    unkToken: names.unk, bosToken: names.bos, eosToken: names.eos, padToken: names.pad,
    addBosToken: options.addBos ?? false, addEosToken: options.addEos ?? false,
    modelMaxLength: options.modelMaxLength, chatTemplate: options.chatTemplate,
  });
}
