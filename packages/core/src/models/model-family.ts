import type { ModelArchitecture } from './model-architecture';
import type { TokenizerQuirks } from './tokenizer-quirks';

/** A model architecture (BLOOM, LLaMA) as data plus strategies; registered via `r.modelFamily(d)`. */
export interface ModelFamilyDescriptor {
  readonly id: string;
  readonly summary: string;
  /** Whether a Hugging Face `config.json` belongs to this family (by model_type / architectures). */
  matches(hfConfig: Readonly<Record<string, unknown>>): boolean;
  /** Parses `config.json` (OkapiError naming each bad key) and binds the family to it. */
  architecture(hfConfig: Readonly<Record<string, unknown>>, source?: string): ModelArchitecture;
  /** Family-specific tokenizer handling (pad id, BOS), so trainers never branch on the family. */
  readonly tokenizer: TokenizerQuirks;
}
