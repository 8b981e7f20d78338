import type { Graph } from '../../ir/graph';
import * as ops from '../../ir/ops/functions';
import type { Value } from '../../ir/value';
import { declareWeights } from '../../models/graph/declare-weights';
import { parametersWithHead } from '../../models/graph/build-graphs';
import type { ModelArchitecture } from '../../models/model-architecture';
import type { ForwardFn } from '../../optim/training-graph';
import { METRIC_OUTPUT_PREFIX } from '../engine/step-runner';
import { usesWeightDecay } from '../engine/trainable-parameters';
import { ppoInputs, tracePolicy } from './policy-outputs';

export interface PpoClipOptions {
  readonly cliprange: number;
  readonly cliprangeValue: number;
  readonly vfCoef: number;
  /** The rollouts' sampling temperature (the logprobs are of logits / temperature); default 1. */
  readonly temperature?: number;
}

/** The statistics the loss graph also outputs (as `metric:<name>` scalars), named as ppoLoss() names them. */
export const PPO_GRAPH_METRICS = ['policyLoss', 'valueLoss', 'policyClipFraction', 'valueClipFraction', 'approxKl'] as const;

const clampValue = (x: Value, low: Value | number, high: Value | number) => ops.max(ops.min(x, high), low);

/**
 * PPO's training forward (TRL's clipped objective, the graph twin of `ppoLoss`): masked means over the
 * response positions of the clipped policy loss plus vfCoef × the clipped value loss, on the policy
 * with value head. Only `trainable` parameters get gradients.
 */
export function ppoLossForward(arch: ModelArchitecture, trainable: ReadonlySet<string>, o: PpoClipOptions): ForwardFn {
  return (g: Graph) => {
    const specs = parametersWithHead(arch, 'value');
    const w = declareWeights(g, specs);
    const { logprobs, values } = tracePolicy(g, arch, w, true, o.temperature ?? 1);
    const input = (name: string) => g.input(name, 'float32', ['batch', 'seq']);
    const mask = input(ppoInputs.mask);
    const [oldLogprobs, oldValues, advantages, returns] = [ppoInputs.oldLogprobs, ppoInputs.oldValues, ppoInputs.advantages, ppoInputs.returns].map(input) as [Value, Value, Value, Value];
    const count = ops.reduceSum(mask, [], false);
    const maskedMean = (x: Value) => ops.div(ops.reduceSum(ops.mul(mask, x), [], false), count);
    const fraction = (bigger: Value, than: Value) => maskedMean(ops.cast(ops.greater(bigger, than), 'float32'));

    const logRatio = ops.sub(logprobs, oldLogprobs);
    const ratio = ops.exp(logRatio);
    const pg1 = ops.mul(ops.neg(advantages), ratio);
    const pg2 = ops.mul(ops.neg(advantages), clampValue(ratio, 1 - o.cliprange, 1 + o.cliprange));
    const policyLoss = maskedMean(ops.max(pg1, pg2));

    const v = values!;
    const vClipped = clampValue(v, ops.sub(oldValues, o.cliprangeValue), ops.add(oldValues, o.cliprangeValue));
    const square = (x: Value) => ops.mul(x, x);
    const vf1 = square(ops.sub(v, returns));
    const vf2 = square(ops.sub(vClipped, returns));
    const valueLoss = ops.mul(maskedMean(ops.max(vf1, vf2)), 0.5);

    const stats: Record<(typeof PPO_GRAPH_METRICS)[number], Value> = {
      policyLoss, valueLoss,
      policyClipFraction: fraction(pg2, pg1),
      valueClipFraction: fraction(vf2, vf1),
      approxKl: ops.mul(maskedMean(ops.mul(logRatio, logRatio)), 0.5),
    };
    for (const [name, value] of Object.entries(stats)) g.output(`${METRIC_OUTPUT_PREFIX}${name}`, value);
    const params = specs.filter((s) => trainable.has(s.name)).map((s) => ({ name: s.name, value: w(s.name), decay: usesWeightDecay(s.name) }));
    return { loss: ops.add(policyLoss, ops.mul(valueLoss, o.vfCoef)), params };
  };
}
