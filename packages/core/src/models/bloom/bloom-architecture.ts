import type { Graph } from '../../ir/graph';
import type { Value } from '../../ir/value';
import type { ModelArchitecture, ParameterSpec, TrunkInputs, WeightLookup } from '../model-architecture';
import type { BloomConfig } from './bloom-config';
import { bloomParameters } from './bloom-parameters';
import { traceBloomTrunk } from './bloom-trunk';

/** BLOOM bound to one config. */
export class BloomArchitecture implements ModelArchitecture {
  readonly family = 'bloom';

  constructor(readonly config: BloomConfig) {}

  parameters(): readonly ParameterSpec[] {
    return bloomParameters(this.config);
  }

  blockParameterPrefix(layer: number): string {
    return `transformer.h.${layer}.`;
  }

  traceTrunk(_g: Graph, weights: WeightLookup, inputs: TrunkInputs): Value {
    return traceBloomTrunk(this.config, weights, inputs);
  }

  lmHeadWeightName(): string {
    return this.config.tieWordEmbeddings ? 'transformer.word_embeddings.weight' : 'lm_head.weight';
  }

  toHfConfig(): Record<string, unknown> {
    const { n_embed: _dropped, ...rest } = this.config.hf;
    return { architectures: ['BloomForCausalLM'], ...rest, model_type: 'bloom', hidden_size: this.config.hiddenSize };
  }
}
