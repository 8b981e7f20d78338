import type { EvalTextEncoder, LogLikelihoodRequest, LogLikelihoodResult, LogLikelihoodScorer } from '../loglikelihood-scorer';

/** Test-only: one token per code point, id = the code point. */
export const codePointEncoder: EvalTextEncoder = {
  encode: async (text) => Array.from(text, (c) => c.codePointAt(0)!),
  endOfTextId: 0,
};

/**
 * Test-only scorer whose log-probs are trivial to compute by hand: every continuation token has
 * log-prob -1, so a choice scores -(its token count). Records every request it receives.
 */
export class UnitCostScorer implements LogLikelihoodScorer {
  readonly calls: LogLikelihoodRequest[][] = [];
  constructor(readonly maxLength = 4096) {}

  async loglikelihood(requests: readonly LogLikelihoodRequest[]): Promise<LogLikelihoodResult[]> {
    this.calls.push([...requests]);
    return requests.map((r) => ({ logprob: -r.continuation.length, greedy: false }));
  }
}
