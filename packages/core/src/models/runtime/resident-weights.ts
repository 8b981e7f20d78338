import type { DeviceTensor, TensorBackend } from '../../backend/tensor-backend';
import type { ModelWeights } from '../parameter-init';

/** Weights uploaded once to a backend and fed by name to every session run. */
export class ResidentWeights {
  private constructor(readonly tensors: Readonly<Record<string, DeviceTensor>>) {}

  static upload(backend: TensorBackend, weights: ModelWeights): ResidentWeights {
    const tensors: Record<string, DeviceTensor> = {};
    for (const [name, tensor] of weights) tensors[name] = backend.upload(tensor);
    return new ResidentWeights(tensors);
  }

  dispose(): void {
    for (const t of Object.values(this.tensors)) t.dispose();
  }
}
