/** A model architecture (BLOOM, LLaMA) as data plus strategies. (Completed by the model-family work.) */
export interface ModelFamilyDescriptor {
  readonly id: string;
  readonly summary: string;
  /** Whether a Hugging Face `config.json` belongs to this family (by model_type / architectures). */
  matches(hfConfig: Readonly<Record<string, unknown>>): boolean;
}
