import type { DeviceTensor, TensorBackend } from '../../backend/tensor-backend';
import { hostTensor } from '../../ir/host-tensor';
import { Rng } from '../../util/rng';
import { loraDropoutMaskName } from './lora-graph';
import type { LoraPlan } from './lora-plan';

/**
 * Inverted-dropout masks for every adapter input of one micro-batch: each element kept with
 * probability 1 − p and scaled by 1/(1 − p) (torch's `nn.Dropout`). Drawn from `seed` and the
 * micro-batch index alone, so a resumed run draws the same masks. Empty when dropout is 0.
 */
export function loraDropoutFeeds(
  backend: TensorBackend, plan: LoraPlan, dims: { batch: number; seq: number }, seed: number, microIndex: number,
): Record<string, DeviceTensor> {
  if (plan.dropout === 0) return {};
  const rng = Rng.fromSeed(`${seed}/lora-dropout/${microIndex}`);
  const keep = 1 / (1 - plan.dropout);
  const threshold = plan.dropout * 2 ** 32; // one 32-bit draw per element (masks are large)
  const feeds: Record<string, DeviceTensor> = {};
  for (const t of plan.targets) {
    const shape = [dims.batch, dims.seq, t.inFeatures];
    const mask = new Float32Array(shape[0]! * shape[1]! * shape[2]!).map(() => (rng.nextUint32() < threshold ? 0 : keep));
    feeds[loraDropoutMaskName(t)] = backend.upload(hostTensor('float32', shape, mask));
  }
  return feeds;
}
