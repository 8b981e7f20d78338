import { argmax } from './greedy';
import { applyRepetitionPenalty } from './repetition-penalty';
import { sampleFromLogits, type UniformSource } from './sample';
import type { SamplingOptions } from './sampling-options';
import { applyTemperature } from './temperature';
import { topKFilter } from './top-k';
import { topPFilter } from './top-p';

/**
 * The logits after HF's processing order: repetition penalty, then (when sampling) temperature,
 * top-k and top-p. Greedy decoding applies only the repetition penalty.
 */
export function processLogits(logits: Float32Array, previousIds: readonly number[], options: SamplingOptions): Float32Array {
  let out = applyRepetitionPenalty(logits, previousIds, options.repetitionPenalty ?? 1);
  if (options.doSample === false) return out;
  out = applyTemperature(out, options.temperature ?? 1);
  out = topKFilter(out, options.topK ?? 0);
  return topPFilter(out, options.topP ?? 1);
}

/** Chooses the next token id from one row of logits. `rng` is used only when sampling. */
export function chooseNextToken(
  logits: Float32Array,
  previousIds: readonly number[],
  options: SamplingOptions,
  rng: UniformSource,
): number {
  const processed = processLogits(logits, previousIds, options);
  return options.doSample === false ? argmax(processed) : sampleFromLogits(processed, rng);
}
