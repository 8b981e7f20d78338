import type { DeviceTensor, TensorBackend } from '../../backend/tensor-backend';
import type { ModelArchitecture } from '../../models/model-architecture';
import type { MicroBatch } from '../engine/step-runner';
import { SessionCache } from '../rm/session-cache';
import { SEQUENCE_LOGPS, sequenceLogpsGraph } from './dpo-graph';

/** Response log-probs of a batch's rows under some weights (the frozen reference, or the policy for evaluation). */
export class SequenceLogpScorer {
  private readonly sessions: SessionCache;

  constructor(private readonly backend: TensorBackend, arch: ModelArchitecture) {
    this.sessions = new SessionCache(backend, sequenceLogpsGraph(arch));
  }

  /** Device tensor [batch] (the caller disposes it). */
  async logpsOnDevice(batch: MicroBatch, weights: Readonly<Record<string, DeviceTensor>>): Promise<DeviceTensor> {
    const session = await this.sessions.get({ batch: batch.dims.batch!, seq: batch.dims.seq! });
    const out = await session.run({ ...batch.feeds, ...weights });
    return out[SEQUENCE_LOGPS]!;
  }

  async logps(batch: MicroBatch, weights: Readonly<Record<string, DeviceTensor>>): Promise<number[]> {
    const t = await this.logpsOnDevice(batch, weights);
    try {
      return Array.from((await this.backend.download(t)).data as Float32Array);
    } finally {
      t.dispose();
    }
  }

  dispose(): Promise<void> {
    return this.sessions.dispose();
  }
}
