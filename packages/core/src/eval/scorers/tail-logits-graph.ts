import { createGraph } from '../../ir/create-graph';
import type { Graph } from '../../ir/graph';
import * as ops from '../../ir/ops/functions';
import { graphNames } from '../../models/graph/build-graphs';
import { declareWeights } from '../../models/graph/declare-weights';
import { lmHead } from '../../models/graph/heads';
import { traceTrunk } from '../../models/graph/trace-model';
import type { ModelArchitecture } from '../../models/model-architecture';

/**
 * Full forward over a left-padded batch [batch, seq] that projects only the last `tail` positions to
 * the vocabulary: `logits` [batch, tail, vocab]. Continuations sit at the end of every row, so this is
 * all log-likelihood scoring needs, without a [seq, vocab] tensor per row.
 */
export function buildTailLogitsGraph(arch: ModelArchitecture, shape: { batch: number; seq: number; tail: number }): Graph {
  const g = createGraph(`${arch.family}-tail-logits-${shape.seq}-${shape.tail}`);
  const w = declareWeights(g, arch.parameters());
  const inputIds = g.input(graphNames.inputIds, 'int64', [shape.batch, shape.seq]);
  const attentionMask = g.input(graphNames.attentionMask, 'int64', [shape.batch, shape.seq]);
  const { hidden } = traceTrunk(g, arch, w, { inputIds, attentionMask });
  const tail = ops.slice(hidden, [shape.seq - shape.tail], [shape.seq], [1]);
  g.output(graphNames.logits, lmHead(arch, w, tail));
  return g;
}
