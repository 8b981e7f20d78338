import type { Session, TensorBackend } from '../../backend/tensor-backend';
import { createGraph } from '../../ir/create-graph';
import type { Graph } from '../../ir/graph';
import type { ModelArchitecture } from '../../models/model-architecture';
import type { ParameterStore } from '../engine/parameter-store';
import type { LoraPlan } from '../lora/lora-plan';
import { causalLmLoss } from './causal-lm-loss';
import type { LmBatch } from './sft-batches';
import { uploadLmBatch } from './upload-lm-batch';

/** Held-out loss and perplexity of the current weights (forward only, token-weighted mean). */
export class LmEvaluator {
  private readonly graph: Graph;
  private readonly sessions = new Map<string, Promise<Session>>();

  constructor(private readonly backend: TensorBackend, arch: ModelArchitecture, private readonly store: ParameterStore, lora?: LoraPlan) {
    this.graph = createGraph('lm-eval-loss');
    this.graph.output('loss', causalLmLoss(arch, new Set(), lora && { plan: lora, dropoutMasks: false })(this.graph).loss);
  }

  async evaluate<T>(examples: readonly T[], batchSize: number, collate: (batch: readonly T[]) => LmBatch): Promise<{ validationLoss: number; perplexity: number }> {
    let weighted = 0;
    let tokens = 0;
    for (let i = 0; i < examples.length; i += batchSize) {
      const batch = collate(examples.slice(i, i + batchSize));
      if (batch.targetTokens === 0) continue;
      const micro = uploadLmBatch(this.backend, batch);
      const session = await this.session(micro.dims);
      const out = await session.run({ ...micro.feeds, ...this.store.weightFeeds() });
      weighted += Number((await this.backend.download(out.loss!)).data[0]) * batch.targetTokens;
      tokens += batch.targetTokens;
      for (const t of [...Object.values(out), ...Object.values(micro.feeds)]) t.dispose();
    }
    const validationLoss = tokens === 0 ? NaN : weighted / tokens;
    return { validationLoss, perplexity: Math.exp(validationLoss) };
  }

  async dispose(): Promise<void> {
    for (const s of this.sessions.values()) await (await s).dispose();
    this.sessions.clear();
  }

  private session(dims: Readonly<Record<string, number>>): Promise<Session> {
    const key = JSON.stringify(dims);
    let session = this.sessions.get(key);
    if (session === undefined) {
      session = this.backend.compile(this.graph, { dims, name: `lm-eval-${dims.batch}x${dims.seq}` });
      this.sessions.set(key, session);
    }
    return session;
  }
}
