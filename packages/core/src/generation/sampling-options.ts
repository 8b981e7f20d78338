/** How the next token is chosen. Okapi's chat defaults: sampling, top_p 0.75, top_k 40, temperature 1. */
export interface SamplingOptions {
  /** false: greedy (argmax). @defaultValue true */
  readonly doSample?: boolean;
  /** @defaultValue 1 */
  readonly temperature?: number;
  /** 0 disables. @defaultValue 0 */
  readonly topK?: number;
  /** 1 disables. @defaultValue 1 */
  readonly topP?: number;
  /** 1 disables. @defaultValue 1 */
  readonly repetitionPenalty?: number;
}

/** Okapi's generation defaults (OKAPI-FACTS.md: chat / generation defaults). */
export const okapiSamplingDefaults: Required<SamplingOptions> = {
  doSample: true,
  temperature: 1,
  topK: 40,
  topP: 0.75,
  repetitionPenalty: 1,
};
