import type { ModelArchitecture, ParameterSpec } from './model-architecture';

/** The transformer block a parameter belongs to, or undefined (embeddings, final norm, heads). */
export function blockIndexOf(arch: ModelArchitecture, name: string): number | undefined {
  for (let layer = 0; layer < arch.config.numLayers; layer++) {
    if (name.startsWith(arch.blockParameterPrefix(layer))) return layer;
  }
  return undefined;
}

/**
 * Names of the parameters Okapi-style partial training updates: the top `topBlocks` blocks, plus
 * every non-block parameter the filter keeps (e.g. embeddings, final norm and the score head for the
 * reward model; only the value head for PPO).
 */
export function partialTrainingNames(arch: ModelArchitecture, specs: readonly ParameterSpec[], topBlocks: number, keepNonBlock: (name: string) => boolean): string[] {
  const first = arch.config.numLayers - topBlocks;
  return specs.map((s) => s.name).filter((name) => {
    const layer = blockIndexOf(arch, name);
    return layer === undefined ? keepNonBlock(name) : layer >= first;
  });
}
