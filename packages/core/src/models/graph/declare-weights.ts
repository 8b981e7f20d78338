import type { Graph } from '../../ir/graph';
import type { Value } from '../../ir/value';
import { OkapiError } from '../../errors/okapi-error';
import type { ParameterSpec, WeightLookup } from '../model-architecture';

/**
 * Declares parameters as float32 graph inputs named by their HF names (weights stay resident on
 * the device and are fed to every run), and returns the lookup the trunk and heads use.
 */
export function declareWeights(g: Graph, specs: readonly ParameterSpec[]): WeightLookup {
  const values = new Map<string, Value>();
  for (const spec of specs) values.set(spec.name, g.input(spec.name, 'float32', spec.shape));
  return (name) => {
    const v = values.get(name);
    if (v === undefined) throw new OkapiError(`Graph '${g.name}' has no parameter '${name}'`, { hint: 'Declare the head parameters (score / v_head) with the trunk parameters.' });
    return v;
  };
}
