import type { DeviceTensor, Session, TensorBackend } from '../../backend/tensor-backend';
import { OkapiError } from '../../errors/okapi-error';
import type { GenerationModel, PaddedPrompts } from '../../generation/generate-model';
import { hostTensor, type HostTensor } from '../../ir/host-tensor';
import { graphNames } from '../graph/build-graphs';
import { buildDecoderGraph, decoderTakesPositionIds } from '../graph/decoder-graph';
import type { ModelArchitecture } from '../model-architecture';
import type { ModelWeights } from '../parameter-init';
import { GrowingPastState } from './growing-past-state';

export interface GrowingPastRunnerOptions {
  /** Longest prompt + generated length (default: the context window, unbounded for ALiBi). */
  readonly maxLength?: number;
  /**
   * Empties the weights map when they are handed to the backend for baking, so the host copy is
   * freed before the session's own copy is built (set it only when nothing else reads them).
   */
  readonly releaseWeights?: boolean;
  /**
   * Attention as one fused `CausalAttention` node per layer (default true): on onnx (CPU) one
   * GroupQueryAttention kernel that also appends to the cache; other backends run its decomposition.
   */
  readonly fusedAttention?: boolean;
}

/**
 * Runs a causal LM as ONE session of the growing-past decoder graph (the exported model's graph:
 * past caches grow by the new tokens each call), compiled once with symbolic batch / length dims
 * and the weights baked in as constants, so onnxruntime pre-packs the matmul weights and folds
 * their transposes. Logits are computed at the last position only. Needs `backend.dynamicDims`.
 */
export class GrowingPastRunner implements GenerationModel {
  private session?: Promise<Session>;
  private state?: GrowingPastState;

  private constructor(
    private readonly backend: TensorBackend,
    readonly arch: ModelArchitecture,
    private readonly weights: ModelWeights,
    readonly maxLength: number,
    private readonly releaseWeights: boolean,
    private readonly fusedAttention: boolean,
  ) {}

  static create(backend: TensorBackend, arch: ModelArchitecture, weights: ModelWeights, options: GrowingPastRunnerOptions = {}): GrowingPastRunner {
    if (backend.dynamicDims !== true) throw new Error(`GrowingPastRunner needs a backend with dynamic dims; '${backend.id}' has none`);
    const limit = arch.config.maxPositions;
    const maxLength = options.maxLength ?? limit ?? Number.MAX_SAFE_INTEGER;
    if (!Number.isInteger(maxLength) || maxLength < 2 || (limit !== undefined && maxLength > limit)) {
      throw new OkapiError(`Generation length ${maxLength} is outside this ${arch.family} model's context window (2..${limit ?? 'unbounded'})`, {
        hint: `Prompt plus new tokens must fit max_position_embeddings (${limit ?? 'none'}); shorten the prompt or lower max_new_tokens.`,
      });
    }
    return new GrowingPastRunner(backend, arch, weights, maxLength, options.releaseWeights === true, options.fusedAttention !== false);
  }

  get vocabSize(): number {
    return this.arch.config.vocabSize;
  }

  async prefill(prompts: PaddedPrompts, newTokens = 1): Promise<Float32Array[]> {
    this.end();
    const length = prompts.inputIds[0]?.length ?? 0;
    // the last new token is never fed back, so it needs no cache slot
    if (length === 0 || length + Math.max(newTokens - 1, 0) > this.maxLength) {
      throw new OkapiError(`A prompt of ${length} tokens plus ${newTokens} new tokens does not fit the generation length ${this.maxLength}`, {
        hint: 'Shorten the prompt (truncate it from the left), lower max_new_tokens, or raise the generation length within the model context window.',
      });
    }
    const session = await this.compiled();
    const c = this.arch.config;
    const emptyShape = [prompts.inputIds.length, c.numKvHeads, 0, c.headDim];
    this.state = GrowingPastState.start(prompts, c.numLayers, () => this.backend.upload(hostTensor('float32', emptyShape, [])));
    return this.runStep(session, prompts.inputIds.map((row) => [...row]));
  }

  async decode(tokens: readonly number[]): Promise<Float32Array[]> {
    if (this.state === undefined) throw new Error('GrowingPastRunner.decode before prefill');
    if (this.state.length >= this.maxLength) throw new OkapiError(`Generation reached the cache length ${this.maxLength}`, { hint: 'Lower max_new_tokens or raise maxLength.' });
    this.state.append();
    return this.runStep(await this.compiled(), tokens.map((t) => [t]));
  }

  end(): void {
    this.state?.dispose();
    this.state = undefined;
  }

  async dispose(): Promise<void> {
    this.end();
    const session = this.session;
    this.session = undefined;
    if (session !== undefined) await (await session).dispose();
  }

  /** Feeds the new tokens with the row positions and mask, keeps the presents as the next past. */
  private async runStep(session: Session, ids: number[][]): Promise<Float32Array[]> {
    const state = this.state!;
    const batch = ids.length;
    const seq = ids[0]!.length;
    const hosts: Record<string, HostTensor> = {
      [graphNames.inputIds]: hostTensor('int64', [batch, seq], ids.flat()),
      [graphNames.attentionMask]: hostTensor('int64', [batch, state.length], state.mask.flat()),
      num_logits_to_keep: hostTensor('int64', [], [1]),
    };
    if (decoderTakesPositionIds(this.arch)) hosts[graphNames.positionIds] = hostTensor('int64', [batch, seq], state.positions(seq).flat());
    const feeds = Object.fromEntries(Object.entries(hosts).map(([name, t]) => [name, this.backend.upload(t)]));
    let outputs: Record<string, DeviceTensor>;
    try {
      outputs = await session.run({ ...feeds, ...state.pastFeeds() });
    } finally {
      for (const t of Object.values(feeds)) t.dispose();
    }
    state.replacePast(outputs, this.arch.config.numLayers);
    const logits = await this.backend.download(outputs[graphNames.logits]!);
    outputs[graphNames.logits]!.dispose();
    const vocab = this.vocabSize;
    const data = logits.data as Float32Array; // the download's own copy: rows can be views of it
    return Array.from({ length: batch }, (_, row) => data.subarray(row * vocab, (row + 1) * vocab));
  }

  /** Compiles once: the weights go in as constants; after that the runner needs no host copy. */
  private compiled(): Promise<Session> {
    if (this.session === undefined) {
      const graph = buildDecoderGraph(this.arch, undefined, { numLogitsToKeep: true, fusedAttention: this.fusedAttention });
      const bakedInputs = () => {
        const weights = Object.fromEntries(this.weights);
        if (this.releaseWeights) this.weights.clear(); // the backend then holds the only references
        return weights;
      };
      this.session = this.backend.compile(graph, { name: `${this.arch.family}-decoder`, dynamicDims: true, bakedInputs });
    }
    return this.session;
  }
}
