import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Tokenizer as NativeTokenizer } from 'tokenizers';
import { writeJsonAtomic } from '../checkpoint/atomic-write';
import { renderChatTemplate } from './chat-template';
import { cleanUpTokenizationSpaces } from './clean-up-spaces';
import { padBatch, truncateIds } from './pad-batch';
import { resolveSpecialTokens, specialTokensMap, tokenizerConfigJson } from './special-token-resolution';
import { withSpecialTokenPlacement } from './template-post-processor';
import type {
  BatchEncodeOptions, BatchEncoding, ChatMessage, DecodeOptions, EncodeOptions, Side, SpecialTokens, Tokenizer,
} from './tokenizer';
import { specialTokensMapFile, tokenizerConfigFile, type TokenizerSettings } from './tokenizer-settings';

/** A `tokenizer.json` as text, plus where it came from (for messages). */
export interface TokenizerJsonSource {
  readonly json: string;
  readonly origin: string;
  /** The tokenizer_config.json object as read, kept so saving preserves keys Okapi.ts does not use. */
  readonly rawConfig?: Readonly<Record<string, unknown>>;
}

/**
 * A tokenizer backed by the Hugging Face `tokenizers` library. Special tokens are added here, not by
 * the library's post-processor, so tokenizer_config.json (`add_bos_token`, `add_eos_token`) has the last word.
 */
export class HfTokenizer implements Tokenizer {
  private constructor(
    private readonly native: NativeTokenizer,
    private readonly source: TokenizerJsonSource,
    private readonly settings: TokenizerSettings,
    readonly special: SpecialTokens,
    private readonly specialIds: ReadonlySet<number>,
    readonly prefixIds: readonly number[],
    readonly suffixIds: readonly number[],
    private readonly postProcessorAgrees: boolean,
  ) {}

  static async create(source: TokenizerJsonSource, settings: TokenizerSettings): Promise<HfTokenizer> {
    const native = NativeTokenizer.fromString(source.json);
    const resolved = await resolveSpecialTokens(native, source, settings);
    return new HfTokenizer(native, source, settings, resolved.special, resolved.specialIds, resolved.prefixIds, resolved.suffixIds, resolved.postProcessorAgrees);
  }

  get vocabSize(): number { return this.native.getVocabSize(true); }
  get paddingSide(): Side { return this.settings.paddingSide ?? 'right'; }
  get truncationSide(): Side { return this.settings.truncationSide ?? 'right'; }
  get modelMaxLength(): number | undefined { return this.settings.modelMaxLength; }
  get chatTemplate(): string | undefined { return this.settings.chatTemplate; }

  async encode(text: string, options: EncodeOptions = {}): Promise<number[]> {
    const encoding = await this.native.encode(text, null, { addSpecialTokens: false });
    return this.finish(encoding.getIds(), options);
  }

  async encodeBatch(texts: readonly string[], options: BatchEncodeOptions = {}): Promise<BatchEncoding> {
    const encodings = await this.native.encodeBatch([...texts], { addSpecialTokens: false });
    const sequences = encodings.map((e) => this.finish(e.getIds(), options));
    const padding = options.padding ?? 'longest';
    if (padding === false) return { inputIds: sequences, attentionMask: sequences.map((s) => s.map(() => 1)) };
    return padBatch(sequences, {
      length: padding === 'max_length' ? options.maxLength : undefined,
      side: options.paddingSide ?? this.paddingSide,
      padId: options.padId ?? this.special.pad?.id,
    });
  }

  async decode(ids: readonly number[], options: DecodeOptions = {}): Promise<string> {
    return this.cleanUp(await this.native.decode([...ids], options.skipSpecialTokens ?? false));
  }

  async decodeBatch(ids: readonly (readonly number[])[], options: DecodeOptions = {}): Promise<string[]> {
    const texts = await this.native.decodeBatch(ids.map((s) => [...s]), options.skipSpecialTokens ?? false);
    return texts.map((t) => this.cleanUp(t));
  }

  private cleanUp(text: string): string {
    return this.settings.cleanUpTokenizationSpaces === true ? cleanUpTokenizationSpaces(text) : text;
  }

  tokenToId(token: string): number | undefined { return this.native.tokenToId(token) ?? undefined; }
  idToToken(id: number): string | undefined { return this.native.idToToken(id) ?? undefined; }
  isSpecial(id: number): boolean { return this.specialIds.has(id); }

  applyChatTemplate(messages: readonly ChatMessage[], options: { addGenerationPrompt?: boolean } = {}): string {
    return renderChatTemplate(this.chatTemplate, messages, {
      bos_token: this.special.bos?.token,
      eos_token: this.special.eos?.token,
      pad_token: this.special.pad?.token,
      unk_token: this.special.unk?.token,
      add_generation_prompt: options.addGenerationPrompt ?? false,
    });
  }

  async save(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    await writeJsonAtomic(join(dir, 'tokenizer.json'), this.tokenizerJson());
    await writeJsonAtomic(join(dir, tokenizerConfigFile), tokenizerConfigJson(this.source.rawConfig, this.settings, this));
    await writeJsonAtomic(join(dir, specialTokensMapFile), specialTokensMap(this.special));
  }

  /** tokenizer.json as loaded, with a post-processor that adds what this tokenizer adds (HF fast tokenizers follow it). */
  private tokenizerJson(): Record<string, unknown> {
    const json = JSON.parse(this.source.json) as Record<string, unknown>;
    if (this.postProcessorAgrees) return json;
    const placed = (ids: readonly number[]) => ids.map((id) => ({ id, token: this.idToToken(id) ?? '' }));
    return { ...json, post_processor: withSpecialTokenPlacement(json.post_processor, placed(this.prefixIds), placed(this.suffixIds)) };
  }

  /** Truncates the content so that content + special tokens fit `maxLength`, then adds the special tokens. */
  private finish(content: readonly number[], options: EncodeOptions): number[] {
    const add = options.addSpecialTokens ?? true;
    const prefix = add ? this.prefixIds : [];
    const suffix = add ? this.suffixIds : [];
    const room = options.maxLength === undefined ? content.length : Math.max(0, options.maxLength - prefix.length - suffix.length);
    return [...prefix, ...truncateIds(content, room, options.truncationSide ?? this.truncationSide), ...suffix];
  }
}
