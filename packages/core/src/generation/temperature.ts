import { OkapiError } from '../errors/okapi-error';

/** Logits divided by `temperature` (HF TemperatureLogitsWarper). 1 returns a copy unchanged. */
export function applyTemperature(logits: Float32Array, temperature: number): Float32Array {
  if (!(temperature > 0) || !Number.isFinite(temperature)) {
    throw new OkapiError(`temperature must be a positive number, got ${temperature}`, { hint: 'For deterministic output use greedy decoding instead of temperature 0.' });
  }
  const out = new Float32Array(logits.length);
  for (let i = 0; i < logits.length; i++) out[i] = logits[i] / temperature;
  return out;
}
