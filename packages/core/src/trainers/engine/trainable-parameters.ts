import type { ModelArchitecture, ParameterSpec } from '../../models/model-architecture';

/**
 * Names of the parameters a stage trains. `topLayers` null = everything; otherwise only the last N
 * transformer blocks, plus whatever `alsoTrain` accepts (Okapi's RM also trains the embeddings, the
 * final norm and the score head; PPO the value head).
 */
export function trainableParameterNames(
  arch: ModelArchitecture,
  specs: readonly ParameterSpec[],
  topLayers: number | null,
  alsoTrain: (name: string) => boolean = () => false,
): string[] {
  if (topLayers === null || topLayers >= arch.config.numLayers) return specs.map((s) => s.name);
  const prefixes: string[] = [];
  for (let layer = arch.config.numLayers - topLayers; layer < arch.config.numLayers; layer++) prefixes.push(arch.blockParameterPrefix(layer));
  return specs.map((s) => s.name).filter((name) => prefixes.some((p) => name.startsWith(p)) || alsoTrain(name));
}

/** Hugging Face Trainer's rule: no weight decay on biases and normalisation weights. */
export function usesWeightDecay(name: string): boolean {
  return !(name.endsWith('.bias') || /(^|\.)(ln_\w+|\w*norm\w*|\w*layernorm\w*)\./i.test(name));
}
