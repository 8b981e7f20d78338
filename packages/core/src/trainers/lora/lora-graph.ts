import type { Graph } from '../../ir/graph';
import * as ops from '../../ir/ops/functions';
import type { Value } from '../../ir/value';
import { adaptLinear, linear } from '../../models/graph/linear';
import type { WeightLookup } from '../../models/model-architecture';
import { loraNames, type LoraPlan } from './lora-plan';
import type { LoraTarget } from './lora-targets';

/** Graph-input name of the dropout mask of one adapter's input (training graphs only). */
export const loraDropoutMaskName = (t: LoraTarget): string => `lora_dropout_mask:${t.module}`;

export interface LoraGraphOptions {
  /** Multiply each adapter's input by a fed mask (0 or 1/(1−p)): dropout while training. */
  readonly dropoutMasks?: boolean;
}

/**
 * Declares A and B inputs for every target of `plan` in `g` and attaches the adapter to the base
 * weight's linear: y = W·x (+ bias) + scaling·B·A·dropout(x). Call after `declareWeights` and
 * before tracing the model; returns the adapter parameters by name (what the optimizer updates).
 */
export function attachLoraAdapters(g: Graph, w: WeightLookup, plan: LoraPlan, options: LoraGraphOptions = {}): Map<string, Value> {
  const params = new Map<string, Value>();
  for (const t of plan.targets) {
    const a = g.input(loraNames.a(t), 'float32', [plan.rank, t.inFeatures]);
    const b = g.input(loraNames.b(t), 'float32', [t.outFeatures, plan.rank]);
    params.set(a.name!, a).set(b.name!, b);
    adaptLinear(w(t.weight), (x) => {
      const mask = options.dropoutMasks === true && plan.dropout > 0 ? g.input(loraDropoutMaskName(t), 'float32', x.shape) : undefined;
      return loraDelta(x, a, b, plan.scaling, mask);
    });
  }
  return params;
}

/** PEFT's LoRA term: scaling · B(A(dropout(x))), with A [r, in] and B [out, r] as nn.Linear weights. */
export function loraDelta(x: Value, a: Value, b: Value, scaling: number, dropoutMask?: Value): Value {
  const dropped = dropoutMask === undefined ? x : ops.mul(x, dropoutMask);
  return ops.mul(linear(linear(dropped, a), b), scaling);
}
