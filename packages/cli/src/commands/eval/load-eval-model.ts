import {
  ActiveBackend, BackendRegistry, FamilyRegistry, FullForwardScorer, OkapiError, ResidentWeights, SharedContextScorer, evalEncoderFor,
  loadModelDirectory, loadTokenizer, readHfConfig, type EvalModel, type RunScope, type TensorBackend,
} from '@okapi/core';

/** lm-eval's default when neither the model config nor the tokenizer gives a length. */
const defaultMaxLength = 2048;

export interface LoadedEvalModel extends EvalModel {
  readonly backend: string;
  readonly device: string;
  readonly maxLength: number;
  /** Contexts per prefill batch in use (the flag, else the device's default). */
  readonly batchSize: number;
  dispose(): Promise<void>;
}

/**
 * Batching contexts saves calls, not arithmetic: on CPU a long prefill already fills the cores and the
 * bench measured batches of 4 slightly slower (docs/benchmarks.md), so CPU scores one context at a time.
 */
export const defaultEvalBatchSize = (device: string): number => (device === 'cpu' || device === 'wasm' ? 1 : 4);

/** lm-eval's max_length: the flag, else n_positions / max_position_embeddings / n_ctx, else the tokenizer's, else 2048. */
function maxLengthOf(hfConfig: Readonly<Record<string, unknown>>, tokenizerMax: number | undefined, flag: number | undefined): number {
  if (flag !== undefined) return flag;
  for (const key of ['n_positions', 'max_position_embeddings', 'n_ctx']) {
    const value = hfConfig[key];
    if (typeof value === 'number' && Number.isInteger(value) && value > 0) return value;
  }
  return tokenizerMax ?? defaultMaxLength;
}

async function activeBackend(scope: RunScope): Promise<{ backend: TensorBackend; id: string; device: string }> {
  const choice = await scope.resolve(BackendRegistry).select(scope.config.backend);
  const backend = scope.resolve(choice.descriptor.useClass);
  await backend.init();
  scope.provide(ActiveBackend, backend);
  return { backend, id: choice.descriptor.id, device: choice.device };
}

export interface EvalModelOptions {
  readonly maxLength?: number;
  readonly naive?: boolean;
  /** Contexts prefilled together (shared-context path) or requests per forward pass (naive path); default by device. */
  readonly batchSize?: number;
}

/**
 * Loads an HF model directory onto the configured backend and wraps it as the harness's scorer:
 * the shared-context (KV cache) path by default, the naive full-forward path with `naive`.
 */
export async function loadEvalModel(scope: RunScope, dir: string, options: EvalModelOptions): Promise<LoadedEvalModel> {
  const [hfConfig, tokenizer] = await Promise.all([readHfConfig(dir), loadTokenizer(dir)]);
  const { backend, id, device } = await activeBackend(scope);
  const loaded = await loadModelDirectory(dir, scope.resolve(FamilyRegistry), { logger: scope.logger });
  const weights = ResidentWeights.upload(backend, loaded.weights);
  const maxLength = maxLengthOf(hfConfig, tokenizer.modelMaxLength, options.maxLength);
  if (!(maxLength > 1)) throw new OkapiError(`--max-length must be at least 2, got ${maxLength}`);
  const model = { backend, arch: loaded.arch, weights, maxLength };
  const batchSize = options.batchSize ?? defaultEvalBatchSize(device);
  const scorer = options.naive === true ? new FullForwardScorer(model, batchSize) : new SharedContextScorer(model, batchSize);
  return {
    encoder: evalEncoderFor(tokenizer), scorer, backend: id, device, maxLength, batchSize,
    async dispose() {
      await scorer.dispose();
      weights.dispose();
    },
  };
}
