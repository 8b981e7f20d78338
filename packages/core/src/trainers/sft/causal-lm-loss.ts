import * as ops from '../../ir/ops/functions';
import type { Value } from '../../ir/value';
import { declareWeights } from '../../models/graph/declare-weights';
import { graphNames } from '../../models/graph/build-graphs';
import { lmHead } from '../../models/graph/heads';
import { traceTrunk } from '../../models/graph/trace-model';
import type { ModelArchitecture } from '../../models/model-architecture';
import type { ForwardFn } from '../../optim/training-graph';
import { usesWeightDecay } from '../engine/trainable-parameters';
import { IGNORE_INDEX } from './sft-batches';
import { attachLoraAdapters } from '../lora/lora-graph';
import type { LoraPlan } from '../lora/lora-plan';

/** LoRA in a causal-LM forward: the adapters, and whether dropout masks are fed (training only). */
export interface LoraForward {
  readonly plan: LoraPlan;
  readonly dropoutMasks: boolean;
}

/** Name of the shifted next-token targets input. */
export const LABELS = 'labels';

/**
 * Causal-LM training forward: mean next-token cross-entropy over non-ignored targets, for a padded
 * [batch, seq] batch (symbolic dims, compiled per bucket); only `trainable` parameters get gradients.
 */
export function causalLmLoss(arch: ModelArchitecture, trainable: ReadonlySet<string>, lora?: LoraForward): ForwardFn {
  return (g) => {
    const specs = arch.parameters();
    const w = declareWeights(g, specs);
    const adapters = lora === undefined ? new Map<string, Value>() : attachLoraAdapters(g, w, lora.plan, { dropoutMasks: lora.dropoutMasks });
    const inputIds = g.input(graphNames.inputIds, 'int64', ['batch', 'seq']);
    const attentionMask = g.input(graphNames.attentionMask, 'int64', ['batch', 'seq']);
    const labels = g.input(LABELS, 'int64', ['batch', 'seq']);
    const { hidden } = traceTrunk(g, arch, w, { inputIds, attentionMask });
    const loss = ops.crossEntropy(lmHead(arch, w, hidden), labels, IGNORE_INDEX);
    const params = [...specs.map((s): [string, Value] => [s.name, w(s.name)]), ...adapters]
      .filter(([name]) => trainable.has(name)).map(([name, value]) => ({ name, value, decay: usesWeightDecay(name) }));
    return { loss, params };
  };
}
