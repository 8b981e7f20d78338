import { activateBackend } from '../backend/activate-backend';
import type { RunScope } from '../di/run-scope';
import { generate } from '../generation/generate';
import type { TokenEvent } from '../generation/generate-stream';
import { okapiSamplingDefaults, type SamplingOptions } from '../generation/sampling-options';
import type { StopReason } from '../generation/stop-criteria';
import { FamilyRegistry } from '../models/family-registry';
import { loadModelDirectory, type LoadedModel } from '../models/model-directory';
import { GenerationRunners, type GenerationRunner } from '../models/runtime/generation-runners';
import { PrompterFactory } from '../prompting/prompter-factory';
import type { Prompter } from '../prompting/prompter';
import { loadTokenizer } from '../tokenizer/load-tokenizer';
import type { Tokenizer } from '../tokenizer/tokenizer';
import { OkapiError } from '../errors/okapi-error';
import { ActiveBackend } from '../di/run-tokens';

/** One request: an Okapi instruction (+ optional input), or raw text sent to the model as is. */
export type ChatRequest = { readonly instruction: string; readonly input?: string } | { readonly raw: string };

export interface ChatOptions extends SamplingOptions {
  /** @defaultValue 256 (Okapi) */
  readonly maxNewTokens?: number;
  readonly seed?: number;
  readonly stopStrings?: readonly string[];
  /** Streaming: each new piece of text as it is decoded. */
  readonly onText?: (delta: string) => void;
}

export interface ChatReply {
  readonly promptIds: readonly number[];
  /** Generated ids only. */
  readonly outputIds: readonly number[];
  /** Generated text (special tokens skipped). */
  readonly text: string;
  /** Okapi's reply: the text after the first `### Response:` of prompt + generation, stripped ('' for raw). */
  readonly response: string;
  readonly stopReason: StopReason;
  readonly tokensPerSecond: number;
}

/**
 * Okapi's chat pipeline: render the Okapi prompt for the run's language, tokenise with the tokenizer's
 * default special tokens, sample with Okapi's defaults (or greedy), decode skipping special tokens, and
 * split the reply out — the programmatic face of `okapi chat` / `okapi generate`.
 */
export class ChatPipeline {
  private constructor(
    private readonly scope: RunScope, readonly model: LoadedModel, readonly tokenizer: Tokenizer, readonly prompter: Prompter,
  ) {}

  static async load(scope: RunScope, modelDir: string): Promise<ChatPipeline> {
    await activateBackend(scope);
    const model = await loadModelDirectory(modelDir, scope.resolve(FamilyRegistry), { logger: scope.logger });
    const tokenizer = await loadTokenizer(modelDir);
    return new ChatPipeline(scope, model, tokenizer, scope.resolve(PrompterFactory).create());
  }

  async generate(request: ChatRequest, o: ChatOptions = {}): Promise<ChatReply> {
    const text = 'raw' in request ? request.raw : this.prompter.render(request);
    const promptIds = await this.tokenizer.encode(text);
    const limit = this.model.arch.config.maxPositions;
    // unset: 256, or what the context leaves (a small model's context is often shorter than prompt + 256)
    const maxNewTokens = o.maxNewTokens ?? (limit === undefined || limit - promptIds.length <= 0 ? 256 : Math.min(256, limit - promptIds.length));
    if (limit !== undefined && promptIds.length + maxNewTokens > limit) {
      throw new OkapiError(`The prompt has ${promptIds.length} tokens; with ${maxNewTokens} new tokens it exceeds the model's context of ${limit}.`, {
        hint: 'Shorten the prompt or lower --max-new-tokens.',
      });
    }
    const quirks = this.model.family.tokenizer;
    const runner = this.runnerFor(promptIds.length + maxNewTokens);
    const started = performance.now();
    {
      const result = await generate(runner, [promptIds], {
        ...okapiSamplingDefaults, ...definedSampling(o), maxNewTokens, seed: o.seed ?? this.scope.config.seed,
        eosIds: quirks.stopIds(this.tokenizer.special, this.model.arch.config),
        padId: quirks.padId(this.tokenizer.special, this.model.arch.config),
        stopStrings: o.stopStrings,
        decode: (ids) => this.tokenizer.decode(ids, { skipSpecialTokens: true }),
        onToken: o.onText === undefined ? undefined : (e: TokenEvent) => { if (e.textDelta) o.onText!(e.textDelta); },
      });
      const outputIds = result.outputIds[0]!;
      const generated = result.texts?.[0] ?? (await this.tokenizer.decode(outputIds, { skipSpecialTokens: true }));
      const seconds = (performance.now() - started) / 1000;
      return {
        promptIds, outputIds, text: generated,
        response: 'raw' in request ? '' : this.prompter.splitResponse(text + generated),
        stopReason: result.stopReasons[0]!, tokensPerSecond: outputIds.length / Math.max(seconds, 1e-9),
      };
    }
  }

  /** Frees the compiled sessions, caches and weights. */
  async dispose(): Promise<void> {
    await this.runners?.dispose();
    this.runners = undefined;
  }

  /**
   * Runners kept across requests so a chat compiles its graphs once (one per length bucket, or one
   * baked growing-past decoder on dynamic-dims backends, which then takes over the host weights).
   */
  private runnerFor(length: number): GenerationRunner {
    this.runners ??= new GenerationRunners(this.scope.resolve(ActiveBackend), this.model, { releaseWeights: true });
    return this.runners.runnerFor(length);
  }

  private runners?: GenerationRunners;
}

function definedSampling(o: SamplingOptions): SamplingOptions {
  return Object.fromEntries(Object.entries({ doSample: o.doSample, temperature: o.temperature, topK: o.topK, topP: o.topP, repetitionPenalty: o.repetitionPenalty })
    .filter(([, v]) => v !== undefined));
}
