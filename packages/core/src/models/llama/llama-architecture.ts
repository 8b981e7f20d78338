import type { Graph } from '../../ir/graph';
import type { Value } from '../../ir/value';
import type { ModelArchitecture, ParameterSpec, TrunkInputs, WeightLookup } from '../model-architecture';
import type { LlamaConfig } from './llama-config';
import { llamaParameters } from './llama-parameters';
import { traceLlamaTrunk } from './llama-trunk';

/** LLaMA bound to one config. */
export class LlamaArchitecture implements ModelArchitecture {
  readonly family = 'llama';

  constructor(readonly config: LlamaConfig) {}

  parameters(): readonly ParameterSpec[] {
    return llamaParameters(this.config);
  }

  blockParameterPrefix(layer: number): string {
    return `model.layers.${layer}.`;
  }

  traceTrunk(g: Graph, weights: WeightLookup, inputs: TrunkInputs): Value {
    return traceLlamaTrunk(g, this.config, weights, inputs);
  }

  lmHeadWeightName(): string {
    return this.config.tieWordEmbeddings ? 'model.embed_tokens.weight' : 'lm_head.weight';
  }

  toHfConfig(): Record<string, unknown> {
    return { architectures: ['LlamaForCausalLM'], ...this.config.hf, model_type: 'llama' };
  }
}
