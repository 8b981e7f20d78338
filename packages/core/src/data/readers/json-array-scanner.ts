/**
 * Finds the top-level elements of a JSON array in a byte stream without parsing them: tracks string,
 * escape and nesting state byte by byte, so memory is one element plus one chunk whatever the file size.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/** A structural problem; the reader turns it into a file error with the line. */
export class JsonStructureError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

export interface ScannedElement {
  readonly parts: Buffer[];
  readonly line: number;
}

export class JsonArrayScanner {
  private depth = 0;
  private inString = false;
  private escape = false;
  private closed = false;
  private parts: Buffer[] | undefined;
  private partStart = 0;
  private elementLine = 0;
  private expectElement = false;
  line = 1;

  /** True once the top-level array's closing bracket was seen. */
  get done(): boolean {
    return this.closed;
  }

  /** Feeds one chunk; returns the elements that ended inside it. */
  push(chunk: Buffer): ScannedElement[] {
    const out: ScannedElement[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (this.inString) {
        i = this.skipString(chunk, i);
        continue;
      }
      if (c === NEWLINE) { this.line++; continue; }
      if (c === 0x20 || c === 0x09 || c === 0x0d) continue;
      if (this.closed) throw new JsonStructureError('unexpected content after the closing ] of the array', this.line);
      if (this.depth === 0) { this.open(c); continue; }
      if (this.depth === 1 && (c === COMMA || c === CLOSE_ARRAY)) {
        this.endElement(chunk, i, c, out);
        continue;
      }
      if (this.parts === undefined) this.startElement(i);
      if (c === QUOTE) this.inString = true;
      else if (c === OPEN_ARRAY || c === OPEN_OBJECT) this.depth++;
      else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) this.depth--;
    }
    if (this.parts !== undefined) {
      this.parts.push(chunk.subarray(this.partStart));
      this.partStart = 0;
    }
    return out;
  }

  /** Checks the array was closed; call after the last chunk. */
  finish(): void {
    if (this.depth === 0 && !this.closed) throw new JsonStructureError('no JSON array found (the file holds only whitespace)', this.line);
    if (!this.closed) throw new JsonStructureError('the file ends inside the array (truncated file?)', this.line);
  }

  /**
   * Inside a string: jump to its closing quote with indexOf (most bytes of a dataset are strings). A quote
   * preceded by an odd run of backslashes is escaped; runs are counted only within this chunk, since a
   * run cut by the chunk boundary is carried in `escape`.
   */
  private skipString(chunk: Buffer, i: number): number {
    let from = i;
    if (this.escape) { this.escape = false; from++; }
    for (;;) {
      const quote = chunk.indexOf(QUOTE, from);
      if (quote === -1) {
        this.escape = trailingBackslashes(chunk, from, chunk.length) % 2 === 1;
        return chunk.length - 1;
      }
      if (trailingBackslashes(chunk, from, quote) % 2 === 0) {
        this.inString = false;
        return quote;
      }
      from = quote + 1;
    }
  }

  private open(c: number): void {
    if (c !== OPEN_ARRAY) {
      const what = c === OPEN_OBJECT ? 'an object' : `'${String.fromCharCode(c)}'`;
      throw new JsonStructureError(`the top-level value is ${what}, expected an array of records [ {...}, ... ]`, this.line);
    }
    this.depth = 1;
  }

  private startElement(i: number): void {
    this.parts = [];
    this.partStart = i;
    this.elementLine = this.line;
    this.expectElement = false;
  }

  private endElement(chunk: Buffer, i: number, c: number, out: ScannedElement[]): void {
    if (this.parts === undefined) {
      if (c === COMMA || this.expectElement) throw new JsonStructureError('empty element (two commas, or a comma before ])', this.line);
    } else {
      this.parts.push(chunk.subarray(this.partStart, i));
      out.push({ parts: this.parts, line: this.elementLine });
      this.parts = undefined;
    }
    if (c === COMMA) this.expectElement = true;
    else { this.depth = 0; this.closed = true; }
  }
}

/** How many backslashes end chunk[from, to). */
function trailingBackslashes(chunk: Buffer, from: number, to: number): number {
  let k = to - 1;
  while (k >= from && chunk[k] === BACKSLASH) k--;
  return to - 1 - k;
}
