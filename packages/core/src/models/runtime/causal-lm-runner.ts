import type { DeviceTensor, Session, TensorBackend } from '../../backend/tensor-backend';
import { OkapiError } from '../../errors/okapi-error';
import type { GenerationModel, PaddedPrompts } from '../../generation/generate-model';
import type { Graph } from '../../ir/graph';
import { hostTensor } from '../../ir/host-tensor';
import { buildDecodeGraph, buildPrefillGraph, graphNames } from '../graph/build-graphs';
import type { ModelArchitecture } from '../model-architecture';
import { prefillBucket } from './length-buckets';
import type { ModelWeights } from '../parameter-init';
import { ResidentWeights } from './resident-weights';
import { KvCacheState } from './kv-cache-state';

/**
 * Runs a causal LM on a backend with a static KV cache: one prefill graph per (batch, padded length
 * bucket) and one decode graph per batch size, compiled once and reused for every step.
 */
export class CausalLmRunner implements GenerationModel {
  private readonly sessions = new Map<string, Promise<Session>>();
  private state?: KvCacheState;

  constructor(
    private readonly backend: TensorBackend,
    readonly arch: ModelArchitecture,
    private readonly weights: ResidentWeights,
    readonly maxLength: number,
    /** Whether `dispose()` also frees the weights (runners made by `create`). */
    private readonly ownsWeights = false,
  ) {}

  /**
   * Uploads the weights and checks the generation length against the model's context window
   * (`max_position_embeddings`; BLOOM's ALiBi has none). The runner owns the uploaded copy: `dispose()` frees it.
   */
  static create(backend: TensorBackend, arch: ModelArchitecture, weights: ModelWeights, maxLength: number): CausalLmRunner {
    const limit = arch.config.maxPositions;
    if (!Number.isInteger(maxLength) || maxLength < 2 || (limit !== undefined && maxLength > limit)) {
      throw new OkapiError(`Generation length ${maxLength} is outside this ${arch.family} model's context window (2..${limit ?? 'unbounded'})`, {
        hint: `Prompt plus new tokens must fit max_position_embeddings (${limit ?? 'none'}); shorten the prompt or lower max_new_tokens.`,
      });
    }
    return new CausalLmRunner(backend, arch, ResidentWeights.upload(backend, weights), maxLength, true);
  }

  get vocabSize(): number {
    return this.arch.config.vocabSize;
  }

  async prefill(prompts: PaddedPrompts, newTokens = 1): Promise<Float32Array[]> {
    this.end();
    const batch = prompts.inputIds.length;
    const length = prompts.inputIds[0]?.length ?? 0;
    // the last new token is never fed back, so it needs no cache slot
    const room = this.maxLength - Math.max(newTokens - 1, 0);
    if (length === 0 || length > room) {
      throw new OkapiError(`A prompt of ${length} tokens plus ${newTokens} new tokens does not fit the generation length ${this.maxLength}`, {
        hint: 'Shorten the prompt (truncate it from the left), lower max_new_tokens, or raise the generation length within the model context window.',
      });
    }
    const seq = prefillBucket(length, room);
    const state = KvCacheState.leftPadded(prompts, seq, this.maxLength);
    const session = await this.session(`prefill-${batch}-${seq}`, () => buildPrefillGraph(this.arch, { batch, seq, maxLength: this.maxLength }));
    const feeds = {
      [graphNames.inputIds]: this.backend.upload(hostTensor('int64', [batch, seq], state.prefillIds.flat())),
      [graphNames.attentionMask]: this.backend.upload(hostTensor('int64', [batch, seq], state.prefillMask.flat())),
    };
    this.state = state;
    return this.runStep(session, feeds);
  }

  async decode(tokens: readonly number[]): Promise<Float32Array[]> {
    const state = this.state;
    if (state === undefined) throw new Error('CausalLmRunner.decode before prefill');
    if (state.nextSlot >= this.maxLength) throw new OkapiError(`Generation reached the cache length ${this.maxLength}`, { hint: 'Lower max_new_tokens or raise maxLength.' });
    const batch = tokens.length;
    const session = await this.session(`decode-${batch}`, () => buildDecodeGraph(this.arch, { batch, maxLength: this.maxLength }));
    const step = state.append();
    const feeds: Record<string, DeviceTensor> = {
      [graphNames.inputIds]: this.backend.upload(hostTensor('int64', [batch, 1], tokens)),
      [graphNames.positionIds]: this.backend.upload(hostTensor('int64', [batch, 1], step.positions)),
      [graphNames.cachePosition]: this.backend.upload(hostTensor('int64', [], [step.slot])),
      [graphNames.attentionMask]: this.backend.upload(hostTensor('int64', [batch, this.maxLength], state.cacheMask.flat())),
      ...state.cacheFeeds(),
    };
    return this.runStep(session, feeds, Object.keys(state.cacheFeeds()));
  }

  end(): void {
    this.state?.dispose();
    this.state = undefined;
  }

  async dispose(): Promise<void> {
    this.end();
    for (const s of this.sessions.values()) await (await s).dispose();
    this.sessions.clear();
    if (this.ownsWeights) this.weights.dispose();
  }

  /** Runs one step, keeps the new caches, frees the step's inputs and returns last-position logits per row. */
  private async runStep(session: Session, feeds: Record<string, DeviceTensor>, cacheNames: readonly string[] = []): Promise<Float32Array[]> {
    let outputs: Record<string, DeviceTensor>;
    try {
      outputs = await session.run({ ...this.weights.tensors, ...feeds });
    } finally {
      for (const [name, t] of Object.entries(feeds)) if (!cacheNames.includes(name)) t.dispose();
    }
    this.state!.replaceCaches(outputs, this.arch.config.numLayers);
    const logits = await this.backend.download(outputs[graphNames.logits]);
    outputs[graphNames.logits].dispose();
    const vocab = this.vocabSize;
    const data = logits.data as Float32Array;
    return Array.from({ length: logits.shape[0] }, (_, row) => data.slice(row * vocab, (row + 1) * vocab));
  }

  private session(key: string, build: () => Graph): Promise<Session> {
    let s = this.sessions.get(key);
    if (s === undefined) {
      s = this.backend.compile(build(), { name: `${this.arch.family}-${key}` });
      this.sessions.set(key, s);
    }
    return s;
  }
}
