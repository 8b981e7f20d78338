/** A special token by text and id (`<s>` = 1 in LLaMA). */
export interface SpecialToken {
  readonly token: string;
  readonly id: number;
}

export interface SpecialTokens {
  readonly bos?: SpecialToken;
  readonly eos?: SpecialToken;
  readonly pad?: SpecialToken;
  readonly unk?: SpecialToken;
}

export type Side = 'left' | 'right';

export interface EncodeOptions {
  /** Add the tokens the tokenizer's config says (LLaMA: BOS; BLOOM: none). @defaultValue true */
  readonly addSpecialTokens?: boolean;
  /** Cut the result to at most this many ids (special tokens kept). */
  readonly maxLength?: number;
  /** Which end loses tokens when cutting. @defaultValue the tokenizer's `truncationSide` */
  readonly truncationSide?: Side;
}

export interface BatchEncodeOptions extends EncodeOptions {
  /** 'longest': pad to the longest sequence; 'max_length': pad to `maxLength`; false: no padding. @defaultValue 'longest' */
  readonly padding?: 'longest' | 'max_length' | false;
  /** @defaultValue the tokenizer's `paddingSide` */
  readonly paddingSide?: Side;
  /** Overrides the pad token id (model families with pad quirks). */
  readonly padId?: number;
}

export interface BatchEncoding {
  readonly inputIds: number[][];
  /** 1 for real tokens, 0 for padding. */
  readonly attentionMask: number[][];
}

export interface DecodeOptions {
  /** @defaultValue false */
  readonly skipSpecialTokens?: boolean;
}

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant' | (string & {});
  readonly content: string;
}

/** What every tokenizer offers, whatever file it came from (tokenizer.json or tokenizer.model). */
export interface Tokenizer {
  /** Number of ids, added tokens included. */
  readonly vocabSize: number;
  readonly special: SpecialTokens;
  /** Ids prepended / appended when `addSpecialTokens` is on (from tokenizer_config.json or the post-processor). */
  readonly prefixIds: readonly number[];
  readonly suffixIds: readonly number[];
  readonly paddingSide: Side;
  readonly truncationSide: Side;
  readonly modelMaxLength?: number;
  readonly chatTemplate?: string;
  encode(text: string, options?: EncodeOptions): Promise<number[]>;
  encodeBatch(texts: readonly string[], options?: BatchEncodeOptions): Promise<BatchEncoding>;
  decode(ids: readonly number[], options?: DecodeOptions): Promise<string>;
  decodeBatch(ids: readonly (readonly number[])[], options?: DecodeOptions): Promise<string[]>;
  tokenToId(token: string): number | undefined;
  idToToken(id: number): string | undefined;
  /** Whether `id` is a special token (BOS, EOS, PAD, UNK, or another added special token). */
  isSpecial(id: number): boolean;
  /** Renders the chat template (Jinja, as HF stores it); throws when the tokenizer has none. */
  applyChatTemplate(messages: readonly ChatMessage[], options?: { addGenerationPrompt?: boolean }): string;
  /** Writes tokenizer.json, tokenizer_config.json and special_tokens_map.json into `dir`. */
  save(dir: string): Promise<void>;
}
