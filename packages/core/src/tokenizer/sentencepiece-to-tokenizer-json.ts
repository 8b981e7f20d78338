import { OkapiError } from '../errors/okapi-error';
import { sentencePieceMerges } from './sentencepiece-merges';
import { templatePostProcessor } from './template-post-processor';
import { PieceType, SentencePieceAlgorithm, type SentencePieceModel } from './sentencepiece-model';

export interface ConversionOptions {
  /** HF `legacy` (default true): Prepend+Replace normalizer; false: Metaspace pre-tokenizer (prepend "first"). */
  readonly legacy?: boolean;
  readonly addBos: boolean;
  readonly addEos: boolean;
  readonly origin: string;
}

const space = '\u2581';

function normalizer(model: SentencePieceModel, legacy: boolean): object | null {
  const steps: object[] = [];
  if (model.removeExtraWhitespaces) {
    steps.push({ type: 'Strip', strip_left: true, strip_right: true });
    steps.push({ type: 'Replace', pattern: { Regex: ' {2,}' }, content: ' ' });
  }
  if (legacy) {
    if (model.addDummyPrefix) steps.push({ type: 'Prepend', prepend: space });
    steps.push({ type: 'Replace', pattern: { String: ' ' }, content: space });
  }
  return steps.length > 0 ? { type: 'Sequence', normalizers: steps } : null;
}

function postProcessor(model: SentencePieceModel, options: ConversionOptions): object | null {
  const placed = (wanted: boolean, id: number) => (wanted && model.pieces[id] !== undefined ? [{ token: model.pieces[id].piece, id }] : []);
  return templatePostProcessor(placed(options.addBos, model.bosId), placed(options.addEos, model.eosId));
}

/**
 * The `tokenizer.json` that HF's LlamaTokenizer → LlamaTokenizerFast conversion produces for a BPE
 * SentencePiece model (byte fallback, fused unknowns, merges derived from piece scores), as text.
 */
export function sentencePieceToTokenizerJson(model: SentencePieceModel, options: ConversionOptions): string {
  if (model.algorithm !== SentencePieceAlgorithm.Bpe) {
    throw new OkapiError(`${options.origin} is a ${SentencePieceAlgorithm[model.algorithm]} SentencePiece model; only BPE models (LLaMA) can be loaded from tokenizer.model`, {
      hint: 'Save the tokenizer with transformers (`AutoTokenizer.from_pretrained(DIR).save_pretrained(DIR)`) to get a tokenizer.json.',
    });
  }
  const legacy = options.legacy ?? true;
  const vocab: Record<string, number> = {};
  model.pieces.forEach((p, i) => { vocab[p.piece] = i; });
  const unk = model.pieces.find((p) => p.type === PieceType.Unknown)?.piece ?? null;
  const addedTypes = [PieceType.Unknown, PieceType.Control, PieceType.UserDefined];
  const addedTokens = model.pieces
    .map((p, id) => ({ p, id }))
    .filter(({ p }) => addedTypes.includes(p.type))
    .map(({ p, id }) => ({ id, content: p.piece, single_word: false, lstrip: false, rstrip: false, normalized: false, special: p.type !== PieceType.UserDefined }));
  const decoders: object[] = [{ type: 'Replace', pattern: { String: space }, content: ' ' }, { type: 'ByteFallback' }, { type: 'Fuse' }];
  if (model.addDummyPrefix) decoders.push({ type: 'Strip', content: ' ', start: 1, stop: 0 });
  return JSON.stringify({
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: addedTokens,
    normalizer: normalizer(model, legacy),
    pre_tokenizer: legacy ? null : { type: 'Metaspace', replacement: space, prepend_scheme: model.addDummyPrefix ? 'first' : 'never', split: false },
    post_processor: postProcessor(model, options),
    decoder: { type: 'Sequence', decoders },
    model: {
      type: 'BPE', dropout: null, unk_token: unk, continuing_subword_prefix: null, end_of_word_suffix: null,
      fuse_unk: true, byte_fallback: model.byteFallback, ignore_merges: false, vocab, merges: sentencePieceMerges(model.pieces),
    },
  });
}
