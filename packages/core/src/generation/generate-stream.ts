import { IncrementalDecoder } from '../tokenizer/incremental-decoder';
import { cutAtStopString } from './stop-criteria';

/** One streamed token: the row, its id and, when decoding, the text it completed. */
export interface TokenEvent {
  readonly row: number;
  readonly tokenId: number;
  /** Newly completed text; empty while a multi-byte character is still incomplete. */
  readonly textDelta?: string;
}

/**
 * Tracks each row's generated text through the tokenizer's incremental decoder (SentencePiece
 * spaces and split UTF-8 characters come out right, at constant cost per token) and emits events.
 */
export class TextStreamer {
  private readonly decoders?: IncrementalDecoder[];
  private readonly texts: string[];

  constructor(
    rows: number,
    decode?: (ids: readonly number[]) => string | Promise<string>,
    private readonly onToken?: (event: TokenEvent) => void,
  ) {
    this.texts = new Array<string>(rows).fill('');
    if (decode !== undefined) {
      const tokenizer = { decode: async (ids: readonly number[]) => decode(ids) };
      this.decoders = Array.from({ length: rows }, () => new IncrementalDecoder(tokenizer));
    }
  }

  /** Records a token; returns the row's text so far when decoding. */
  async push(row: number, tokenId: number): Promise<string | undefined> {
    if (this.decoders === undefined) {
      this.onToken?.({ row, tokenId });
      return undefined;
    }
    const delta = await this.decoders[row].push(tokenId);
    this.texts[row] += delta;
    this.onToken?.({ row, tokenId, textDelta: delta });
    return this.texts[row];
  }

  /** Each row's full text (held-back characters flushed), cut before the first stop string. */
  async finalTexts(stopStrings: readonly string[]): Promise<string[] | undefined> {
    if (this.decoders === undefined) return undefined;
    const decoders = this.decoders;
    return Promise.all(this.texts.map(async (text, row) => cutAtStopString(text + (await decoders[row].flush()), stopStrings)));
  }
}
