import * as ops from '../../ir/ops/functions';
import { declareWeights } from '../../models/graph/declare-weights';
import { graphNames } from '../../models/graph/build-graphs';
import { lmHead } from '../../models/graph/heads';
import { traceTrunk } from '../../models/graph/trace-model';
import type { ModelArchitecture } from '../../models/model-architecture';
import type { ForwardFn } from '../../optim/training-graph';
import { usesWeightDecay } from '../engine/trainable-parameters';
import { IGNORE_INDEX } from './sft-batches';

/** Name of the shifted next-token targets input. */
export const LABELS = 'labels';

/**
 * Causal-LM training forward: mean next-token cross-entropy over non-ignored targets, for a padded
 * [batch, seq] batch (symbolic dims, compiled per bucket); only `trainable` parameters get gradients.
 */
export function causalLmLoss(arch: ModelArchitecture, trainable: ReadonlySet<string>): ForwardFn {
  return (g) => {
    const specs = arch.parameters();
    const w = declareWeights(g, specs);
    const inputIds = g.input(graphNames.inputIds, 'int64', ['batch', 'seq']);
    const attentionMask = g.input(graphNames.attentionMask, 'int64', ['batch', 'seq']);
    const labels = g.input(LABELS, 'int64', ['batch', 'seq']);
    const { hidden } = traceTrunk(g, arch, w, { inputIds, attentionMask });
    const loss = ops.crossEntropy(lmHead(arch, w, hidden), labels, IGNORE_INDEX);
    const params = specs.filter((s) => trainable.has(s.name)).map((s) => ({ name: s.name, value: w(s.name), decay: usesWeightDecay(s.name) }));
    return { loss, params };
  };
}
