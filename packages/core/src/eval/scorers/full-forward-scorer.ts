import type { Session } from '../../backend/tensor-backend';
import { hostTensor } from '../../ir/host-tensor';
import { graphNames } from '../../models/graph/build-graphs';
import { prefillBucket } from '../../models/runtime/length-buckets';
import type { LogLikelihoodRequest, LogLikelihoodResult, LogLikelihoodScorer } from '../loglikelihood-scorer';
import { continuationScore } from './continuation-score';
import type { ScoringModel } from './scoring-model';
import { buildTailLogitsGraph } from './tail-logits-graph';

/**
 * The naive path: every request runs its whole input (context + continuation minus the last token)
 * through the model, `batchSize` requests per left-padded batch. The reference for the shared-context path.
 */
export class FullForwardScorer implements LogLikelihoodScorer {
  private readonly sessions = new Map<string, Promise<Session>>();

  constructor(private readonly model: ScoringModel, private readonly batchSize = 4) {}

  get maxLength(): number {
    return this.model.maxLength;
  }

  async loglikelihood(requests: readonly LogLikelihoodRequest[]): Promise<LogLikelihoodResult[]> {
    const results: LogLikelihoodResult[] = [];
    for (let start = 0; start < requests.length; start += this.batchSize) {
      results.push(...(await this.scoreBatch(requests.slice(start, start + this.batchSize))));
    }
    return results;
  }

  private async scoreBatch(batch: readonly LogLikelihoodRequest[]): Promise<LogLikelihoodResult[]> {
    const { backend, arch, weights } = this.model;
    const inputs = batch.map((r) => [...r.context, ...r.continuation].slice(0, -1));
    const seq = prefillBucket(Math.max(...inputs.map((i) => i.length)), this.maxLength);
    const tail = prefillBucket(Math.max(...batch.map((r) => r.continuation.length)), seq);
    const ids = inputs.flatMap((row) => [...new Array<number>(seq - row.length).fill(0), ...row]);
    const mask = inputs.flatMap((row) => [...new Array<number>(seq - row.length).fill(0), ...new Array<number>(row.length).fill(1)]);
    const session = await this.session(batch.length, seq, tail);
    const feeds = {
      [graphNames.inputIds]: backend.upload(hostTensor('int64', [batch.length, seq], ids)),
      [graphNames.attentionMask]: backend.upload(hostTensor('int64', [batch.length, seq], mask)),
    };
    const out = await session.run({ ...weights.tensors, ...feeds });
    const logits = (await backend.download(out[graphNames.logits]!)).data as Float32Array;
    for (const t of [...Object.values(feeds), ...Object.values(out)]) t.dispose();
    const vocab = arch.config.vocabSize;
    return batch.map((r, b) => {
      // Row b's last L positions predict its L continuation tokens.
      const first = tail - r.continuation.length;
      return continuationScore(r.continuation, (i) => logits.subarray(((b * tail) + first + i) * vocab, ((b * tail) + first + i + 1) * vocab));
    });
  }

  private session(batch: number, seq: number, tail: number): Promise<Session> {
    const key = `${batch}-${seq}-${tail}`;
    let s = this.sessions.get(key);
    if (s === undefined) {
      s = this.model.backend.compile(buildTailLogitsGraph(this.model.arch, { batch, seq, tail }), { name: `eval-full-${key}` });
      this.sessions.set(key, s);
    }
    return s;
  }

  async dispose(): Promise<void> {
    for (const s of this.sessions.values()) await (await s).dispose();
    this.sessions.clear();
  }
}
