import type { DeviceTensor, TensorBackend } from '../../backend/tensor-backend';
import { generate } from '../../generation/generate';
import type { ModelArchitecture } from '../../models/model-architecture';
import { CausalLmRunner } from '../../models/runtime/causal-lm-runner';
import type { ResidentWeights } from '../../models/runtime/resident-weights';

export interface PolicySampling {
  readonly maxNewTokens: number;
  readonly eosIds: readonly number[];
  readonly padId: number;
  /** Sampling (rollouts) or greedy (held-out evaluation). */
  readonly doSample: boolean;
  readonly temperature?: number;
  readonly topK?: number;
  readonly topP?: number;
}

/**
 * Generates with the policy's *current* weights: the KV-cache runner reads the parameter store's
 * resident tensors at every run (no copies), so its compiled prefill/decode sessions serve the whole run.
 */
export class PolicyGenerator {
  private readonly runner: CausalLmRunner;

  constructor(backend: TensorBackend, arch: ModelArchitecture, currentWeights: () => Readonly<Record<string, DeviceTensor>>, maxLength: number) {
    // a live view: the store swaps its tensors after every optimizer step
    const live = { get tensors() { return currentWeights(); }, dispose() {} } as unknown as ResidentWeights;
    this.runner = new CausalLmRunner(backend, arch, live, maxLength);
  }

  /** Response ids per prompt (EOS kept when it ended the row); `seed` makes sampling reproducible. */
  async generate(prompts: readonly (readonly number[])[], o: PolicySampling, seed: number): Promise<number[][]> {
    const result = await generate(this.runner, prompts, {
      doSample: o.doSample, temperature: o.temperature, topK: o.topK, topP: o.topP,
      maxNewTokens: o.maxNewTokens, eosIds: o.eosIds, padId: o.padId, seed,
    });
    return result.outputIds;
  }

  dispose(): Promise<void> {
    return this.runner.dispose();
  }
}
