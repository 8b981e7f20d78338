import { OkapiError } from '../../errors/okapi-error';
import { parseLlamaConfig } from './llama-config';
import { ropeAttentionFactor, ropeInverseFrequencies } from './llama-rope-frequencies';

/** A tiny LLaMA config; head size = hidden / heads. */
const tiny = (overrides: Record<string, unknown>) => ({
  model_type: 'llama', vocab_size: 10, hidden_size: 8, intermediate_size: 8, num_hidden_layers: 1,
  num_attention_heads: 1, max_position_embeddings: 8, ...overrides,
});

const expectClose = (actual: ArrayLike<number>, expected: readonly number[], relative = 1e-6) => {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => expect(Math.abs(actual[i] - e)).toBeLessThanOrEqual(relative * Math.abs(e)));
};

describe(ropeInverseFrequencies.name, () => {
  it('dynamic NTK keeps theta up to max positions and grows the base after (hand-computed, head size 4)', () => {
    const c = parseLlamaConfig(tiny({ hidden_size: 4, rope_scaling: { type: 'dynamic', factor: 2 } }));
    // L ≤ 8: base 10000 → [1, 1/100]
    expectClose(ropeInverseFrequencies(4, 10000, c.ropeScaling, 8), [1, 0.01]);
    expectClose(ropeInverseFrequencies(4, 10000, c.ropeScaling), [1, 0.01]);
    // L = 16: base = 10000·(2·16/8 − 1)^(4/2) = 90000 → [1, 1/300]
    expectClose(ropeInverseFrequencies(4, 10000, c.ropeScaling, 16), [1, 1 / 300]);
    expect(ropeAttentionFactor(c.ropeScaling)).toBe(1);
    expect(c.maxPositions).toBe(16); // the window dynamic NTK is made for: factor × max positions
  });

  it('yarn blends plain and factor-divided frequencies over the correction range (hand-computed, head size 8)', () => {
    const c = parseLlamaConfig(tiny({ max_position_embeddings: 256, rope_scaling: { rope_type: 'yarn', factor: 4, original_max_position_embeddings: 64 } }));
    // low = floor(8·ln(64/(32·2π)) / (2·ln 10000)) = floor(-0.497) → 0; high = ceil(8·ln(64/2π) / (2·ln 10000)) = ceil(1.008) = 2
    // ramp(i) = i/2 clamped → extrapolation weight 1, 0.5, 0, 0 on plain [1, .1, .01, .001] vs divided by 4
    expectClose(ropeInverseFrequencies(8, 10000, c.ropeScaling), [1, 0.5 * 0.1 + 0.5 * 0.025, 0.0025, 0.00025]);
    expect(ropeAttentionFactor(c.ropeScaling)).toBeCloseTo(0.1 * Math.log(4) + 1, 12);
  });

  it('yarn attention factor from mscale / mscale_all_dim, or as given', () => {
    const scaled = parseLlamaConfig(tiny({ rope_scaling: { rope_type: 'yarn', factor: 40, mscale: 1, mscale_all_dim: 0.5, original_max_position_embeddings: 4 } }));
    expect(ropeAttentionFactor(scaled.ropeScaling)).toBeCloseTo((0.1 * Math.log(40) + 1) / (0.05 * Math.log(40) + 1), 12);
    const given = parseLlamaConfig(tiny({ rope_scaling: { rope_type: 'yarn', factor: 4, attention_factor: 0.5 } }));
    expect(ropeAttentionFactor(given.ropeScaling)).toBe(0.5);
  });

  it('longrope divides by the short factors up to the original length, by the long ones past it (hand-computed)', () => {
    const c = parseLlamaConfig(tiny({
      hidden_size: 4, max_position_embeddings: 64,
      rope_scaling: { rope_type: 'longrope', short_factor: [1, 2], long_factor: [4, 8], original_max_position_embeddings: 16 },
    }));
    expectClose(ropeInverseFrequencies(4, 10000, c.ropeScaling, 16), [1, 0.005]);
    expectClose(ropeInverseFrequencies(4, 10000, c.ropeScaling, 17), [0.25, 0.00125]);
    // factor = 64/16 = 4 → sqrt(1 + ln 4 / ln 16) = sqrt(1.5)
    expect(ropeAttentionFactor(c.ropeScaling)).toBeCloseTo(Math.sqrt(1.5), 12);
  });
});

describe('rope parameters in config.json', () => {
  it('reads transformers 5 "rope_parameters" with theta inside it', () => {
    const c = parseLlamaConfig(tiny({ rope_parameters: { rope_type: 'linear', factor: 2, rope_theta: 500000 } }));
    expect(c.ropeTheta).toBe(500000);
    expect(c.ropeScaling).toEqual({ kind: 'linear', factor: 2 });
    expect(parseLlamaConfig(tiny({ rope_parameters: { rope_type: 'default', rope_theta: 1234 } })).ropeTheta).toBe(1234);
  });

  it('lets "rope_scaling" win over "rope_parameters", and a top-level theta fill in', () => {
    const c = parseLlamaConfig(tiny({ rope_theta: 777, rope_scaling: { type: 'linear', factor: 3 }, rope_parameters: { rope_type: 'default', rope_theta: 5 } }));
    expect(c).toMatchObject({ ropeTheta: 777, ropeScaling: { kind: 'linear', factor: 3 } });
  });

  it('takes a top-level original_max_position_embeddings over the one inside (as HF does)', () => {
    const c = parseLlamaConfig(tiny({ original_max_position_embeddings: 32, rope_scaling: { rope_type: 'yarn', factor: 2, original_max_position_embeddings: 4 } }));
    expect(c.ropeScaling).toMatchObject({ kind: 'yarn', originalMaxPositions: 32 });
  });

  it.each([
    ['longrope factors of the wrong length', { rope_type: 'longrope', short_factor: [1], long_factor: [1, 2, 3, 4] }, /"rope_scaling.short_factor" must list 4 numbers/],
    ['yarn without factor', { rope_type: 'yarn' }, /"rope_scaling.factor" is required/],
    ['a partial rotary factor', { rope_type: 'linear', factor: 2, partial_rotary_factor: 0.5 }, /partial_rotary_factor/],
    ['an unknown type', { rope_type: 'wavy', factor: 2 }, /"wavy" is not supported \(supported: default, linear, dynamic, yarn, longrope, llama3\)/],
  ])('rejects %s', (_label, scaling, message) => {
    expect(() => parseLlamaConfig(tiny({ rope_scaling: scaling }), 'm/config.json')).toThrow(OkapiError);
    expect(() => parseLlamaConfig(tiny({ rope_scaling: scaling }), 'm/config.json')).toThrow(message);
  });
});
