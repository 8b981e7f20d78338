import type { DeviceTensor, Session } from '../../backend/tensor-backend';
import type { Graph } from '../../ir/graph';
import { hostTensor } from '../../ir/host-tensor';
import { buildPrefillGraph, graphNames } from '../../models/graph/build-graphs';
import { prefillBucket } from '../../models/runtime/length-buckets';
import type { LogLikelihoodRequest, LogLikelihoodResult, LogLikelihoodScorer } from '../loglikelihood-scorer';
import { tokenLogprob } from './continuation-score';
import { buildContinuationGraph, prefixMaskName } from './continuation-graph';
import type { ScoringModel } from './scoring-model';

/** Requests that share one context array (the choices of an item), with their positions in the call. */
interface ContextGroup {
  readonly context: readonly number[];
  readonly members: { readonly index: number; readonly continuation: readonly number[] }[];
}

function groupByContext(requests: readonly LogLikelihoodRequest[]): ContextGroup[] {
  const groups = new Map<readonly number[], ContextGroup>();
  requests.forEach((r, index) => {
    let g = groups.get(r.context);
    if (g === undefined) groups.set(r.context, (g = { context: r.context, members: [] }));
    g.members.push({ index, continuation: r.continuation });
  });
  return [...groups.values()];
}

const leftPad = (row: readonly number[], length: number): number[] => [...new Array<number>(length - row.length).fill(0), ...row];
const rightPad = (row: readonly number[], length: number): number[] => [...row, ...new Array<number>(length - row.length).fill(0)];

/**
 * The fast path: each distinct context runs once (prefill, batch 1, keeping its keys/values); then all
 * choices are scored in one pass of the continuation graph, whose new tokens attend to that shared
 * prefix. For 25-shot prompts of thousands of tokens this replaces (choices × context) work with one context.
 */
export class SharedContextScorer implements LogLikelihoodScorer {
  private readonly sessions = new Map<string, Promise<Session>>();

  constructor(private readonly model: ScoringModel) {}

  get maxLength(): number {
    return this.model.maxLength;
  }

  async loglikelihood(requests: readonly LogLikelihoodRequest[]): Promise<LogLikelihoodResult[]> {
    const results: LogLikelihoodResult[] = new Array(requests.length);
    for (const group of groupByContext(requests)) {
      const scored = await this.scoreGroup(group);
      group.members.forEach((m, k) => (results[m.index] = scored[k]!));
    }
    return results;
  }

  private async scoreGroup(group: ContextGroup): Promise<LogLikelihoodResult[]> {
    const { arch } = this.model;
    const seq = prefillBucket(group.context.length, this.maxLength);
    const prefixMask = leftPad(group.context.map(() => 1), seq);
    const { first, caches } = await this.prefill(leftPad(group.context, seq), prefixMask);
    try {
      const totals = group.members.map((m) => {
        const t = tokenLogprob(first, m.continuation[0]!);
        return { logprob: t.logprob, greedy: t.greedy };
      });
      const longest = Math.max(...group.members.map((m) => m.continuation.length));
      if (longest > 1) {
        const rest = await this.continue(group, caches, prefixMask, seq);
        group.members.forEach((m, row) => {
          for (let i = 1; i < m.continuation.length; i++) {
            const t = tokenLogprob(rest(row, i - 1), m.continuation[i]!);
            totals[row]!.logprob += t.logprob;
            totals[row]!.greedy &&= t.greedy;
          }
        });
      }
      return totals;
    } finally {
      for (let layer = 0; layer < arch.config.numLayers; layer++) {
        caches[graphNames.pastKey(layer)]?.dispose();
        caches[graphNames.pastValue(layer)]?.dispose();
      }
    }
  }

  /** The context once: logits after its last token, and its per-layer keys/values as `past_*` feeds. */
  private async prefill(ids: number[], mask: number[]): Promise<{ first: Float32Array; caches: Record<string, DeviceTensor> }> {
    const { backend, arch, weights } = this.model;
    const seq = ids.length;
    const session = await this.session(`prefill-${seq}`, () => buildPrefillGraph(arch, { batch: 1, seq, maxLength: seq }));
    const feeds = {
      [graphNames.inputIds]: backend.upload(hostTensor('int64', [1, seq], ids)),
      [graphNames.attentionMask]: backend.upload(hostTensor('int64', [1, seq], mask)),
    };
    const out = await session.run({ ...weights.tensors, ...feeds });
    const caches: Record<string, DeviceTensor> = {};
    for (let layer = 0; layer < arch.config.numLayers; layer++) {
      caches[graphNames.pastKey(layer)] = out[graphNames.presentKey(layer)]!;
      caches[graphNames.pastValue(layer)] = out[graphNames.presentValue(layer)]!;
    }
    const first = (await backend.download(out[graphNames.logits]!)).data as Float32Array;
    for (const t of [...Object.values(feeds), out[graphNames.logits]!]) t.dispose();
    return { first, caches };
  }

  /** All continuations at once after the shared prefix; returns row/position → logits predicting the next token. */
  private async continue(group: ContextGroup, caches: Record<string, DeviceTensor>, prefixMask: number[], seq: number): Promise<(row: number, i: number) => Float32Array> {
    const { backend, arch, weights } = this.model;
    const batch = group.members.length;
    const inputs = group.members.map((m) => m.continuation.slice(0, -1));
    const tail = prefillBucket(Math.max(...inputs.map((i) => i.length)), Number.MAX_SAFE_INTEGER);
    const session = await this.session(`continuation-${batch}-${seq}-${tail}`, () => buildContinuationGraph(arch, { batch, prefix: seq, tail }));
    const start = group.context.length;
    const feeds = {
      [graphNames.inputIds]: backend.upload(hostTensor('int64', [batch, tail], inputs.flatMap((row) => rightPad(row, tail)))),
      [graphNames.attentionMask]: backend.upload(hostTensor('int64', [batch, tail], inputs.flatMap((row) => rightPad(row.map(() => 1), tail)))),
      [graphNames.positionIds]: backend.upload(hostTensor('int64', [batch, tail], inputs.flatMap(() => Array.from({ length: tail }, (_, j) => start + j)))),
      [prefixMaskName]: backend.upload(hostTensor('int64', [1, seq], prefixMask)),
    };
    const out = await session.run({ ...weights.tensors, ...caches, ...feeds });
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
