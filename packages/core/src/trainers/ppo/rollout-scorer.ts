import type { DeviceTensor, Session, TensorBackend } from '../../backend/tensor-backend';
import { createGraph } from '../../ir/create-graph';
import type { Graph } from '../../ir/graph';
import { hostTensor } from '../../ir/host-tensor';
import { graphNames, parametersWithHead } from '../../models/graph/build-graphs';
import { declareWeights } from '../../models/graph/declare-weights';
import type { ModelArchitecture } from '../../models/model-architecture';
import { gatherRows, type PackedRollouts } from './ppo-batch';
import { ppoInputs, tokenEntropy, tracePolicy } from './policy-outputs';

/** Per-row response quantities of the policy (with value head) or the reference model. */
export interface RolloutForward {
  readonly logprobs: Float64Array[];
  /** Policy only. */
  readonly values?: Float64Array[];
  readonly entropy?: Float64Array[];
}

/**
 * Forward passes over packed rollouts (no gradients): the policy's logprobs, values and entropy, and
 * the frozen reference's logprobs. One compiled session per graph and shape bucket.
 */
export class RolloutScorer {
  private readonly graphs: { policy: Graph; reference: Graph };
  private readonly sessions = new Map<string, Promise<Session>>();

  /** `temperature`: the rollouts' sampling temperature; both models' logprobs (and the entropy) are of logits / temperature. */
  constructor(private readonly backend: TensorBackend, arch: ModelArchitecture, temperature = 1) {
    this.graphs = { policy: forwardGraph(arch, true, temperature), reference: forwardGraph(arch, false, temperature) };
  }

  async run(kind: 'policy' | 'reference', packed: PackedRollouts, weights: Readonly<Record<string, DeviceTensor>>): Promise<RolloutForward> {
    const dims = { batch: packed.batch, seq: packed.seq };
    const int64 = (values: number[]) => this.backend.upload(hostTensor('int64', [packed.batch, packed.seq], BigInt64Array.from(values, BigInt)));
    const feeds = {
      [graphNames.inputIds]: int64(packed.inputIds),
      [graphNames.attentionMask]: int64(packed.attentionMask),
      [ppoInputs.targets]: int64(packed.targets),
    };
    const session = await this.session(kind, dims);
    const outputs = await session.run({ ...weights, ...feeds });
    try {
      const rows = async (name: string) => (outputs[name] === undefined ? undefined : gatherRows(packed, (await this.backend.download(outputs[name]!)).data as Float32Array));
      return { logprobs: (await rows('logprobs'))!, values: await rows('values'), entropy: await rows('entropy') };
    } finally {
      for (const t of [...Object.values(feeds), ...Object.values(outputs)]) t.dispose();
    }
  }

  async dispose(): Promise<void> {
    for (const s of this.sessions.values()) await (await s).dispose();
    this.sessions.clear();
  }

  private session(kind: 'policy' | 'reference', dims: Record<string, number>): Promise<Session> {
    const key = `${kind}:${dims.batch}x${dims.seq}`;
    let session = this.sessions.get(key);
    if (session === undefined) {
      session = this.backend.compile(this.graphs[kind], { dims, name: `ppo-${kind}-${dims.batch}x${dims.seq}` });
      this.sessions.set(key, session);
    }
    return session;
  }
}

function forwardGraph(arch: ModelArchitecture, policy: boolean, temperature: number): Graph {
  const g = createGraph(policy ? 'ppo-policy-forward' : 'ppo-reference-forward');
  const w = declareWeights(g, parametersWithHead(arch, policy ? 'value' : 'lm'));
  const { logits, logprobs, values } = tracePolicy(g, arch, w, policy, temperature);
  g.output('logprobs', logprobs);
  if (policy) {
    g.output('values', values!);
    g.output('entropy', tokenEntropy(logits));
  }
  return g;
}
