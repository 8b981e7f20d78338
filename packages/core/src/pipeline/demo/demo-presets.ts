import type { DemoSizes } from '../../data/demo/generate-demo-data';
import type { DemoTaskId } from '../../data/demo/demo-task';

/** How big the embedded demo is: 'full' (the README's `npm run demo`, ≤ 10 min on 2 cores) or 'quick' (tests). */
export type DemoSize = 'full' | 'quick';

export interface DemoPreset {
  readonly data: DemoSizes;
  /** Share of SFT answers the demo's imperfect teacher replaces by the echoed input (generateDemoData's teacherEcho). */
  readonly teacherEcho: number;
  readonly vocabSize: number;
  readonly hiddenSize: number;
  readonly layers: number;
  readonly heads: number;
  readonly sftSteps: number;
  readonly sftLearningRate: number;
  readonly sftWarmupSteps: number;
  readonly sftBatchSize: number;
  readonly rmSteps: number;
  readonly ppoIterations: number;
  readonly ppoRollouts: number;
  readonly ppoLearningRate: number;
  /** Rollout sampling temperature (Okapi: 1; the tiny demo policy learns better from sharper samples). */
  readonly ppoTemperature?: number;
  /** PPO samples per prompt (ppo.samplesPerPrompt, default 1); ppoRollouts counts samples. */
  readonly ppoSamplesPerPrompt?: number;
  /** PPO's per-prompt reward baseline (ppo.rewardBaseline, default 'none'). */
  readonly ppoRewardBaseline?: 'none' | 'group-mean';
  /** GAE λ of the demo's PPO (default 0.95, Okapi's). */
  readonly ppoLam?: number;
  /** Value-loss weight of the demo's PPO (default 0.1). */
  readonly ppoVfCoef?: number;
  readonly evalPrompts: number;
  readonly maxNewTokens: number;
  readonly tasks?: readonly DemoTaskId[];
}

export const demoPresets: Readonly<Record<DemoSize, DemoPreset>> = {
  full: { data: { sft: 3000, rm: 600, ppo: 600, eval: 200 }, teacherEcho: 0.4, vocabSize: 512, hiddenSize: 64, layers: 4, heads: 4, sftSteps: 2000, sftLearningRate: 3e-3, sftWarmupSteps: 20, sftBatchSize: 16, rmSteps: 80, ppoIterations: 48, ppoRollouts: 64, ppoLearningRate: 1e-4, ppoTemperature: 0.5, evalPrompts: 200, maxNewTokens: 12 },
  quick: { data: { sft: 400, rm: 100, ppo: 100, eval: 40 }, teacherEcho: 0, vocabSize: 384, hiddenSize: 32, layers: 2, heads: 2, sftSteps: 400, sftLearningRate: 5e-3, sftWarmupSteps: 5, sftBatchSize: 8, rmSteps: 10, ppoIterations: 2, ppoRollouts: 16, ppoLearningRate: 5e-5, evalPrompts: 16, maxNewTokens: 8 },
};

/** A tiny Hugging Face config for the demo model of `family`, sized by the preset. */
export function demoModelConfig(family: 'llama' | 'bloom', p: DemoPreset, special: { bos: number; eos: number; pad: number }): Record<string, unknown> {
  const ids = { bos_token_id: special.bos, eos_token_id: special.eos, pad_token_id: special.pad, vocab_size: p.vocabSize, initializer_range: 0.02 };
  if (family === 'bloom') {
    return { model_type: 'bloom', architectures: ['BloomForCausalLM'], hidden_size: p.hiddenSize, n_layer: p.layers, n_head: p.heads, layer_norm_epsilon: 1e-5, ...ids };
  }
  return {
    model_type: 'llama', architectures: ['LlamaForCausalLM'], hidden_size: p.hiddenSize, intermediate_size: p.hiddenSize * 3,
    num_hidden_layers: p.layers, num_attention_heads: p.heads, num_key_value_heads: p.heads, rms_norm_eps: 1e-6, rope_theta: 10000,
    max_position_embeddings: 256, tie_word_embeddings: false, ...ids,
  };
}
