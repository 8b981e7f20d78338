import { initParameters } from './parameter-init';
import type { ParameterSpec } from './model-architecture';

const specs: ParameterSpec[] = [
  { name: 'model.embed_tokens.weight', shape: [50, 40], init: { kind: 'normal', std: 0.02, zeroRow: 2 } },
  { name: 'model.layers.0.self_attn.q_proj.weight', shape: [40, 40], init: { kind: 'normal', std: 0.5 } },
  { name: 'model.norm.weight', shape: [40], init: { kind: 'ones' } },
  { name: 'v_head.summary.bias', shape: [1], init: { kind: 'zeros' } },
];

function moments(data: Float32Array): { mean: number; std: number } {
  const mean = data.reduce((a, b) => a + b, 0) / data.length;
  return { mean, std: Math.sqrt(data.reduce((a, b) => a + (b - mean) ** 2, 0) / data.length) };
}

describe(initParameters.name, () => {
  it('is reproducible per seed and differs across seeds', () => {
    const a = initParameters(specs, 1);
    const b = initParameters(specs, 1);
    const c = initParameters(specs, 2);
    expect(a.get('model.embed_tokens.weight')!.data).toEqual(b.get('model.embed_tokens.weight')!.data);
    expect(a.get('model.embed_tokens.weight')!.data).not.toEqual(c.get('model.embed_tokens.weight')!.data);
  });

  it('draws each tensor from its own stream, so adding a parameter never changes the others', () => {
    const all = initParameters(specs, 3);
    const one = initParameters([specs[1]], 3);
    expect(one.get(specs[1].name)!.data).toEqual(all.get(specs[1].name)!.data);
  });

  it('follows HF _init_weights: normal(0, std), pad row zero, norms one, biases zero', () => {
    const w = initParameters(specs, 4);
    const q = moments(w.get(specs[1].name)!.data);
    // 1600 draws: the sample std is within a few percent of 0.5, the mean within ~3 std errors of 0
    expect(Math.abs(q.std - 0.5)).toBeLessThan(0.04);
    expect(Math.abs(q.mean)).toBeLessThan(3 * (0.5 / 40));
    const embed = w.get('model.embed_tokens.weight')!;
    expect(Array.from(embed.data.subarray(80, 120)).every((x) => x === 0)).toBe(true);
    expect(embed.data.subarray(40, 80).some((x) => x !== 0)).toBe(true);
    expect(Array.from(w.get('model.norm.weight')!.data)).toEqual(new Array(40).fill(1));
    expect(Array.from(w.get('v_head.summary.bias')!.data)).toEqual([0]);
    expect(embed.shape).toEqual([50, 40]);
  });
});
