import type { DeviceTensor, Session } from '../../backend/tensor-backend';
import type { Graph } from '../../ir/graph';
import { hostTensor } from '../../ir/host-tensor';
import { buildDecodeGraph, buildPrefillGraph, graphNames } from '../../models/graph/build-graphs';
import { KvCacheState } from '../../models/runtime/kv-cache-state';
import { prefillBucket } from '../../models/runtime/length-buckets';
import type { LogLikelihoodRequest, LogLikelihoodResult, LogLikelihoodScorer } from '../loglikelihood-scorer';
import { tokenLogprob } from './continuation-score';
import type { ScoringModel } from './scoring-model';

/** Decode slots are reserved in multiples of this, bounding the number of compiled shapes. */
const decodeSlotsQuantum = 32;

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

/**
 * The fast path: each distinct context runs once (prefill into a static KV cache); the cache is then
 * copied to one row per choice and every continuation is scored token by token with the decode graph.
 * For 25-shot prompts of thousands of tokens this replaces (choices × context) work with one context.
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
    const rows = group.members.length;
    const longest = Math.max(...group.members.map((m) => m.continuation.length));
    // Slots: the context left-padded to a length bucket, then one per continuation token but the last
    // (rounded up, so few graph shapes get compiled). Positions count real tokens only, so a cache longer
    // than maxLength never yields a position the model has not seen.
    const seq = prefillBucket(group.context.length, this.maxLength);
    const cacheLength = seq + decodeSlotsQuantum * Math.ceil(Math.max(1, longest - 1) / decodeSlotsQuantum);
    const prompts = { inputIds: group.members.map(() => [...group.context]), attentionMask: group.members.map(() => group.context.map(() => 1)) };
    const state = KvCacheState.leftPadded(prompts, seq, cacheLength);
    try {
      let logits = await this.prefill(state, seq, cacheLength, rows);
      const totals = group.members.map(() => ({ logprob: 0, greedy: true }));
      for (let step = 0; step < longest; step++) {
        group.members.forEach((m, row) => {
          if (step >= m.continuation.length) return;
          const t = tokenLogprob(logits[row]!, m.continuation[step]!);
          totals[row]!.logprob += t.logprob;
          totals[row]!.greedy &&= t.greedy;
        });
        if (step + 1 < longest) logits = await this.decode(state, cacheLength, group.members.map((m) => m.continuation[step] ?? 0));
      }
      return totals;
    } finally {
      state.dispose();
    }
  }

  /** Runs the context once (batch 1) and copies its caches to `rows` rows; returns row logits. */
  private async prefill(state: KvCacheState, seq: number, cacheLength: number, rows: number): Promise<Float32Array[]> {
    const { backend, arch, weights } = this.model;
    const session = await this.session(`prefill-${seq}-${cacheLength}`, () => buildPrefillGraph(arch, { batch: 1, seq, maxLength: cacheLength }));
    const feeds = {
      [graphNames.inputIds]: backend.upload(hostTensor('int64', [1, seq], state.prefillIds[0]!)),
      [graphNames.attentionMask]: backend.upload(hostTensor('int64', [1, seq], state.prefillMask[0]!)),
    };
    const out = await session.run({ ...weights.tensors, ...feeds });
    const tiled: Record<string, DeviceTensor> = {};
    for (let layer = 0; layer < arch.config.numLayers; layer++) {
      for (const name of [graphNames.presentKey(layer), graphNames.presentValue(layer)]) tiled[name] = await this.tile(out[name]!, rows);
    }
    state.replaceCaches(tiled, arch.config.numLayers);
    const logits = (await backend.download(out[graphNames.logits]!)).data as Float32Array;
    for (const t of [...Object.values(feeds), ...Object.values(out)]) t.dispose();
    return new Array<Float32Array>(rows).fill(logits);
  }

  private async tile(cache: DeviceTensor, rows: number): Promise<DeviceTensor> {
    const host = await this.model.backend.download(cache);
    const one = host.data as Float32Array;
    const data = new Float32Array(one.length * rows);
    for (let r = 0; r < rows; r++) data.set(one, r * one.length);
    return this.model.backend.upload(hostTensor('float32', [rows, ...host.shape.slice(1)], data));
  }

  private async decode(state: KvCacheState, cacheLength: number, tokens: readonly number[]): Promise<Float32Array[]> {
    const { backend, arch, weights } = this.model;
    const batch = tokens.length;
    const session = await this.session(`decode-${batch}-${cacheLength}`, () => buildDecodeGraph(arch, { batch, maxLength: cacheLength }));
    const step = state.append();
    const feeds = {
      [graphNames.inputIds]: backend.upload(hostTensor('int64', [batch, 1], tokens)),
      [graphNames.positionIds]: backend.upload(hostTensor('int64', [batch, 1], step.positions)),
      [graphNames.cachePosition]: backend.upload(hostTensor('int64', [], [step.slot])),
      [graphNames.attentionMask]: backend.upload(hostTensor('int64', [batch, cacheLength], state.cacheMask.flat())),
    };
    const out = await session.run({ ...weights.tensors, ...state.cacheFeeds(), ...feeds });
    for (const t of Object.values(feeds)) t.dispose();
    state.replaceCaches(out, arch.config.numLayers);
    const logits = (await backend.download(out[graphNames.logits]!)).data as Float32Array;
    out[graphNames.logits]!.dispose();
    const vocab = arch.config.vocabSize;
    return Array.from({ length: batch }, (_, row) => logits.subarray(row * vocab, (row + 1) * vocab));
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
