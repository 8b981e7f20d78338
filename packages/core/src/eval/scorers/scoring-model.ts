import type { TensorBackend } from '../../backend/tensor-backend';
import type { ModelArchitecture } from '../../models/model-architecture';
import type { ResidentWeights } from '../../models/runtime/resident-weights';

/** A model resident on a backend, as the model-backed scorers use it. */
export interface ScoringModel {
  readonly backend: TensorBackend;
  readonly arch: ModelArchitecture;
  readonly weights: ResidentWeights;
  /** The longest input scored (lm-eval's max_length). */
  readonly maxLength: number;
}
