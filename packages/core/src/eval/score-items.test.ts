import { codePointEncoder } from './__tests__/fake-model';
import type { EvalItem } from './build-items';
import type { LogLikelihoodRequest, LogLikelihoodResult, LogLikelihoodScorer } from './loglikelihood-scorer';
import { scoreItems } from './score-items';

/** Answers each request with minus its context length, so a result names the context it came from. */
class ContextLengthScorer implements LogLikelihoodScorer {
  readonly calls: LogLikelihoodRequest[][] = [];
  readonly maxLength = 4096;
  async loglikelihood(requests: readonly LogLikelihoodRequest[]): Promise<LogLikelihoodResult[]> {
    this.calls.push([...requests]);
    return requests.map((r) => ({ logprob: -r.context.length, greedy: false }));
  }
}

const item = (docId: number, context: string): EvalItem => ({
  docId, context, continuations: [' a', ' bb'], doc: { query: context, choices: ['a', 'bb'], gold: 0 },
});

describe(scoreItems.name, () => {
  it('batches items of similar context length (longest first) and returns results in item order', async () => {
    const contexts = ['xx', 'x'.repeat(9), 'xxxx', 'x'.repeat(7), 'x', 'x'.repeat(9)];
    const items = contexts.map((c, i) => item(i, c));
    const sut = new ContextLengthScorer();
    const progress: number[] = [];
    const scored = await scoreItems(items, codePointEncoder, sut, { batchSize: 2, onProgress: (done) => progress.push(done) });
    expect(sut.calls.map((call) => call.map((r) => r.context.length))).toEqual([[9, 9, 9, 9], [7, 7, 4, 4], [2, 2, 1, 1]]);
    expect(scored.map((s) => s.item.docId)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(scored.map((s) => s.results.map((r) => r.logprob))).toEqual(contexts.map((c) => [-c.length, -c.length]));
    expect(progress).toEqual([2, 4, 6]);
  });
});
