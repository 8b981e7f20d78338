// Shared by the LoRA graph tests and the PEFT loader tests: tiny LLaMA / BLOOM architectures and
// logits of a graph on the reference interpreter, adapted (unmerged adapters in the graph) or plain.
import { createGraph } from '../../../ir/create-graph';
import type { Graph } from '../../../ir/graph';
import { hostTensor } from '../../../ir/host-tensor';
import { ReferenceBackend } from '../../../ir/interpret/reference-backend';
import { bloomFamily } from '../../../models/bloom';
import { graphNames } from '../../../models/graph/build-graphs';
import { declareWeights } from '../../../models/graph/declare-weights';
import { lmHead } from '../../../models/graph/heads';
import { traceTrunk } from '../../../models/graph/trace-model';
import { llamaFamily } from '../../../models/llama';
import type { ModelArchitecture } from '../../../models/model-architecture';
import { attachLoraAdapters } from '../lora-graph';
import type { LoraPlan } from '../lora-plan';

export const llama = llamaFamily.architecture({ model_type: 'llama', vocab_size: 23, hidden_size: 8, intermediate_size: 12, num_hidden_layers: 2, num_attention_heads: 2, num_key_value_heads: 1, tie_word_embeddings: false });
export const bloom = bloomFamily.architecture({ model_type: 'bloom', vocab_size: 23, hidden_size: 8, n_layer: 2, n_head: 2 });
export const ids = [1, 7, 3, 19, 4, 11];

/** Logits of `graph` (inputs: the weights, `ids` unpadded) on the float64 reference interpreter. */
export async function logits(graph: Graph, weights: ReadonlyMap<string, { dtype: 'float32'; shape: readonly number[]; data: Float32Array }>): Promise<number[]> {
  const backend = new ReferenceBackend();
  const session = await backend.compile(graph);
  const feeds = Object.fromEntries([...weights].map(([n, t]) => [n, backend.upload(t)]));
  feeds[graphNames.inputIds] = backend.upload(hostTensor('int64', [1, ids.length], ids));
  feeds[graphNames.attentionMask] = backend.upload(hostTensor('int64', [1, ids.length], ids.map(() => 1)));
  const out = await session.run(feeds);
  return Array.from((await backend.download(out[graphNames.logits]!)).data, Number);
}

/** The causal LM with the adapters in the graph, unmerged (W·x + scaling·B·A·x): what SFT trains. */
export function adaptedGraph(arch: ModelArchitecture, plan: LoraPlan): Graph {
  const g = createGraph('adapted');
  const w = declareWeights(g, arch.parameters());
  attachLoraAdapters(g, w, plan);
  const inputIds = g.input(graphNames.inputIds, 'int64', [1, ids.length]);
  const attentionMask = g.input(graphNames.attentionMask, 'int64', [1, ids.length]);
  g.output(graphNames.logits, lmHead(arch, w, traceTrunk(g, arch, w, { inputIds, attentionMask }).hidden));
  return g;
}
