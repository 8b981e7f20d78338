import type { DeviceTensor, Session } from '../../backend/tensor-backend';
import type { Graph } from '../../ir/graph';
import { hostTensor } from '../../ir/host-tensor';
import { buildPrefillGraph, graphNames } from '../../models/graph/build-graphs';
import { prefillBucket } from '../../models/runtime/length-buckets';
import type { LogLikelihoodRequest, LogLikelihoodResult, LogLikelihoodScorer } from '../loglikelihood-scorer';
import { batchBySimilarLength, groupByContext, type ContextGroup } from './context-batches';
import { tokenLogprob } from './continuation-score';
import { buildContinuationGraph, prefixMaskName, rowContextName } from './continuation-graph';
import type { ScoringModel } from './scoring-model';

/** A choice longer than one token: its tokens after the first are scored by the continuation graph. */
interface ContinuationRow {
  readonly group: number;
  readonly member: number;
  readonly tokens: readonly number[];
}

type Caches = Record<string, DeviceTensor>;

const leftPad = (row: readonly number[], length: number): number[] => [...new Array<number>(length - row.length).fill(0), ...row];
const rightPad = (row: readonly number[], length: number): number[] => [...row, ...new Array<number>(length - row.length).fill(0)];
/** Continuation rows are padded to a multiple of 4: few compiled shapes, little wasted work. */
const rowBucket = (rows: number): number => Math.ceil(rows / 4) * 4;

function continuationRows(groups: readonly ContextGroup[]): ContinuationRow[] {
  return groups.flatMap((g, group) => g.members.map((m, member) => ({ group, member, tokens: m.continuation })).filter((r) => r.tokens.length > 1));
}

/**
 * The fast path: each distinct context runs once, `batchSize` contexts of similar length per
 * left-padded prefill batch (positions and ALiBi count real tokens only, so padding changes nothing),
 * keeping every layer's keys/values; then the choices of all those contexts are scored in one pass of
 * the continuation graph, each row attending to its own context's cached prefix. For 25-shot prompts of
 * thousands of tokens this replaces (choices × context) work with one context.
 */
export class SharedContextScorer implements LogLikelihoodScorer {
  private readonly sessions = new Map<string, Promise<Session>>();

  /**
   * `batchSize`: contexts prefilled together (1 = one item's context at a time); `maxBatchTokens`: padded
   * tokens per prefill at most (attention memory grows with contexts × length²), default 4 × 2048.
   */
  constructor(private readonly model: ScoringModel, private readonly batchSize = 1, private readonly maxBatchTokens = 8192) {
    if (!(Number.isInteger(batchSize) && batchSize >= 1)) throw new RangeError(`batchSize must be an integer >= 1, got ${batchSize}`);
  }

  get maxLength(): number {
    return this.model.maxLength;
  }

  async loglikelihood(requests: readonly LogLikelihoodRequest[]): Promise<LogLikelihoodResult[]> {
    const results: LogLikelihoodResult[] = new Array(requests.length);
    const limits = { batchSize: this.batchSize, maxTokens: this.maxBatchTokens, paddedLength: (n: number) => prefillBucket(n, this.maxLength) };
    for (const batch of batchBySimilarLength(groupByContext(requests), limits)) {
      const scored = await this.scoreBatch(batch);
      batch.forEach((group, g) => group.members.forEach((m, k) => (results[m.index] = scored[g]![k]!)));
    }
    return results;
  }

  /** Per group, per member: the summed log-prob and greedy flag of its continuation. */
  private async scoreBatch(groups: readonly ContextGroup[]): Promise<LogLikelihoodResult[][]> {
    const vocab = this.model.arch.config.vocabSize;
    const seq = prefillBucket(Math.max(...groups.map((g) => g.context.length)), this.maxLength);
    const prefixMask = groups.flatMap((g) => leftPad(g.context.map(() => 1), seq));
    const { first, caches } = await this.prefill(groups.map((g) => leftPad(g.context, seq)), prefixMask, seq);
    try {
      const totals = groups.map((g, group) => g.members.map((m) => tokenLogprob(first.subarray(group * vocab, (group + 1) * vocab), m.continuation[0]!)));
      const rows = continuationRows(groups);
      if (rows.length > 0) {
        const rest = await this.continue(groups, rows, { caches, prefixMask, seq });
        rows.forEach((row, r) => {
          const total = totals[row.group]![row.member]!;
          for (let i = 1; i < row.tokens.length; i++) {
            const t = tokenLogprob(rest(r, i - 1), row.tokens[i]!);
            total.logprob += t.logprob;
            total.greedy &&= t.greedy;
          }
        });
      }
      return totals;
    } finally {
      for (const t of Object.values(caches)) t.dispose();
    }
  }

  /** The contexts once: logits after each one's last token [contexts, vocab], and per-layer keys/values as `past_*` feeds. */
  private async prefill(rows: number[][], mask: number[], seq: number): Promise<{ first: Float32Array; caches: Caches }> {
    const { backend, arch, weights } = this.model;
    const batch = rows.length;
    const session = await this.session(`prefill-${batch}x${seq}`, () => buildPrefillGraph(arch, { batch, seq, maxLength: seq }));
    const feeds = {
      [graphNames.inputIds]: backend.upload(hostTensor('int64', [batch, seq], rows.flat())),
      [graphNames.attentionMask]: backend.upload(hostTensor('int64', [batch, seq], mask)),
    };
    const out = await session.run({ ...weights.tensors, ...feeds });
    const caches: Caches = {};
    for (let layer = 0; layer < arch.config.numLayers; layer++) {
      caches[graphNames.pastKey(layer)] = out[graphNames.presentKey(layer)]!;
      caches[graphNames.pastValue(layer)] = out[graphNames.presentValue(layer)]!;
    }
    const first = (await backend.download(out[graphNames.logits]!)).data as Float32Array;
    for (const t of [...Object.values(feeds), out[graphNames.logits]!]) t.dispose();
    return { first, caches };
  }

  /** Every row's tokens after its first, in one pass; returns (row, i) → logits predicting the row's token i + 1. */
  private async continue(groups: readonly ContextGroup[], rows: readonly ContinuationRow[], prefix: { caches: Caches; prefixMask: number[]; seq: number }): Promise<(row: number, i: number) => Float32Array> {
    const { backend, arch, weights } = this.model;
    const contexts = groups.length;
    const padded = rowBucket(rows.length);
    const inputs = rows.map((r) => r.tokens.slice(0, -1));
    const tail = prefillBucket(Math.max(...inputs.map((i) => i.length)), Number.MAX_SAFE_INTEGER);
    const shape = { contexts, rows: padded, prefix: prefix.seq, tail };
    const session = await this.session(`continuation-${contexts}x${prefix.seq}-${padded}x${tail}`, () => buildContinuationGraph(arch, shape));
    const fill = (perRow: (r: number) => number[]): number[] => Array.from({ length: padded }, (_, r) => (r < rows.length ? perRow(r) : new Array<number>(tail).fill(0))).flat();
    const feeds = {
      [graphNames.inputIds]: backend.upload(hostTensor('int64', [padded, tail], fill((r) => rightPad(inputs[r]!, tail)))),
      [graphNames.attentionMask]: backend.upload(hostTensor('int64', [padded, tail], fill((r) => rightPad(inputs[r]!.map(() => 1), tail)))),
      [graphNames.positionIds]: backend.upload(hostTensor('int64', [padded, tail], fill((r) => Array.from({ length: tail }, (_, j) => groups[rows[r]!.group]!.context.length + j)))),
      [rowContextName]: backend.upload(hostTensor('int64', [padded], Array.from({ length: padded }, (_, r) => rows[r]?.group ?? 0))),
      [prefixMaskName]: backend.upload(hostTensor('int64', [contexts, prefix.seq], prefix.prefixMask)),
    };
    const out = await session.run({ ...weights.tensors, ...prefix.caches, ...feeds });
    const logits = (await backend.download(out[graphNames.logits]!)).data as Float32Array;
    for (const t of [...Object.values(feeds), ...Object.values(out)]) t.dispose();
    const vocab = arch.config.vocabSize;
    return (row, i) => logits.subarray((row * tail + i) * vocab, (row * tail + i + 1) * vocab);
  }

  private session(key: string, build: () => Graph): Promise<Session> {
    let s = this.sessions.get(key);
    if (s === undefined) {
      s = this.model.backend.compile(build(), { name: `eval-${this.model.arch.family}-${key}` });
      this.sessions.set(key, s);
    }
    return s;
  }

  async dispose(): Promise<void> {
    for (const s of this.sessions.values()) await (await s).dispose();
    this.sessions.clear();
  }
}
