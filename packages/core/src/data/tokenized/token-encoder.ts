/**
 * What the data layer needs from a tokenizer: text → ids. core's `Tokenizer` satisfies it (its encode is
 * async); tests and tools may pass a synchronous one.
 */
export interface TokenEncoder {
  encode(text: string, options?: { addSpecialTokens?: boolean }): Promise<number[]> | number[];
}
