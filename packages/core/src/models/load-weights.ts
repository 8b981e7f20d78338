import type { HfCheckpointReader } from '../checkpoint/checkpoint-reader';
import type { ParameterSpec } from './model-architecture';
import type { ModelWeights } from './parameter-init';

/** HF saves a bare base model (BloomModel, LlamaModel) without the `transformer.` / `model.` prefix. */
const basePrefixes = ['transformer.', 'model.'];

/** The checkpoint's name for a parameter: the HF name, or the name without the base-model prefix. */
export function checkpointName(reader: Pick<HfCheckpointReader, 'has'>, name: string): string {
  if (reader.has(name)) return name;
  const prefix = basePrefixes.find((p) => name.startsWith(p));
  const bare = prefix === undefined ? name : name.slice(prefix.length);
  return reader.has(bare) ? bare : name;
}

/**
 * Reads every parameter as float32, checking names and shapes up front (one error lists every
 * missing or misshapen tensor). Heads absent from the checkpoint may be filled by `fallback`.
 */
export async function loadWeights(reader: HfCheckpointReader, specs: readonly ParameterSpec[], fallback?: ModelWeights): Promise<ModelWeights> {
  const wanted = specs.filter((s) => !(fallback?.has(s.name) && !reader.has(checkpointName(reader, s.name))));
  reader.check(wanted.map((s) => ({ name: checkpointName(reader, s.name), shape: s.shape })));
  const weights: ModelWeights = new Map();
  for (const spec of specs) {
    const stored = checkpointName(reader, spec.name);
    if (!reader.has(stored) && fallback?.has(spec.name)) {
      weights.set(spec.name, fallback.get(spec.name)!);
      continue;
    }
    weights.set(spec.name, { dtype: 'float32', shape: [...spec.shape], data: await reader.read(stored) });
  }
  return weights;
}
