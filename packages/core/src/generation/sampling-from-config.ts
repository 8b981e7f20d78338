import type { HfGenerationConfig } from '../checkpoint/generation-config';
import type { SamplingOptions } from './sampling-options';

/**
 * Sampling options from an HF generation_config.json, with transformers' defaults for absent keys
 * (do_sample false, temperature 1, top_k 50, top_p 1, repetition_penalty 1). Explicit `overrides`
 * (CLI flags, Okapi presets) win over the file.
 */
export function samplingFromGenerationConfig(config: HfGenerationConfig | undefined, overrides: SamplingOptions = {}): Required<SamplingOptions> {
  const pick = <T>(override: T | undefined, fromFile: unknown, fallback: T): T =>
    override ?? (fromFile === undefined || fromFile === null ? fallback : (fromFile as T));
  return {
    doSample: pick(overrides.doSample, config?.do_sample, false),
    temperature: pick(overrides.temperature, config?.temperature, 1),
    topK: pick(overrides.topK, config?.top_k, 50),
    topP: pick(overrides.topP, config?.top_p, 1),
    repetitionPenalty: pick(overrides.repetitionPenalty, config?.repetition_penalty, 1),
  };
}
