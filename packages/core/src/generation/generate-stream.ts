import { cutAtStopString } from './stop-criteria';

/** One streamed token: the row, its id and, when decoding, the text it added. */
export interface TokenEvent {
  readonly row: number;
  readonly tokenId: number;
  /** Newly completed text; empty while a multi-byte character or merge is still incomplete. */
  readonly textDelta?: string;
}

/** Tracks each row's generated ids and decoded text, and emits streaming events. */
export class TextStreamer {
  private readonly ids: number[][];
  private readonly texts: string[];
  private readonly full: string[];

  constructor(
    rows: number,
    private readonly decode?: (ids: readonly number[]) => string | Promise<string>,
    private readonly onToken?: (event: TokenEvent) => void,
  ) {
    this.ids = Array.from({ length: rows }, () => []);
    this.texts = new Array<string>(rows).fill('');
    this.full = new Array<string>(rows).fill('');
  }

  /** Records a token; returns the row's full text when decoding. */
  async push(row: number, tokenId: number): Promise<string | undefined> {
    this.ids[row].push(tokenId);
    if (this.decode === undefined) {
      this.onToken?.({ row, tokenId });
      return undefined;
    }
    const text = await this.decode(this.ids[row]);
    this.full[row] = text;
    // a trailing U+FFFD means an incomplete UTF-8 sequence: hold it back until the next token
    const stable = text.endsWith('\uFFFD') ? '' : text.startsWith(this.texts[row]) ? text.slice(this.texts[row].length) : '';
    if (stable !== '') this.texts[row] = text;
    this.onToken?.({ row, tokenId, textDelta: stable });
    return text;
  }

  finalTexts(stopStrings: readonly string[]): string[] | undefined {
    if (this.decode === undefined) return undefined;
    return this.full.map((text) => cutAtStopString(text, stopStrings));
  }
}
