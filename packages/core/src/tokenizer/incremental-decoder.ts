import type { Tokenizer } from './tokenizer';

/**
 * Turns generated ids into text pieces as they arrive (for streaming chat). Each step decodes a
 * short window that starts one emission back, so SentencePiece's leading-space rule and multi-byte
 * characters split over byte-fallback tokens come out right: text ending in an incomplete
 * character (U+FFFD) is held back until the next token completes it.
 */
export class IncrementalDecoder {
  private readonly ids: number[] = [];
  private prefixOffset = 0;
  private readOffset = 0;

  constructor(
    private readonly tokenizer: Pick<Tokenizer, 'decode'>,
    private readonly options: { readonly skipSpecialTokens?: boolean } = { skipSpecialTokens: true },
  ) {}

  /** Adds one id; returns the text it completes ('' when it completes nothing yet). */
  async push(id: number): Promise<string> {
    this.ids.push(id);
    const before = await this.tokenizer.decode(this.ids.slice(this.prefixOffset, this.readOffset), this.options);
    const after = await this.tokenizer.decode(this.ids.slice(this.prefixOffset), this.options);
    if (after.length <= before.length || after.endsWith('\uFFFD')) return '';
    this.prefixOffset = this.readOffset;
    this.readOffset = this.ids.length;
    return after.slice(before.length);
  }

  /** Whatever is still held back (an incomplete character at the very end), as the tokenizer decodes it. */
  async flush(): Promise<string> {
    const before = await this.tokenizer.decode(this.ids.slice(this.prefixOffset, this.readOffset), this.options);
    const after = await this.tokenizer.decode(this.ids.slice(this.prefixOffset), this.options);
    this.prefixOffset = this.readOffset = this.ids.length;
    return after.slice(before.length);
  }
}
