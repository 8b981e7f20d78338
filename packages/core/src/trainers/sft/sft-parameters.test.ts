import { llamaFamily } from '../../models/llama';
import { initParameters } from '../../models/parameter-init';
import { OkapiError } from '../../errors/okapi-error';
import type { SftJob } from './sft-job';
import { sftOptionsSchema } from './sft-options';
import { sftParameters } from './sft-parameters';

const arch = llamaFamily.architecture({ model_type: 'llama', vocab_size: 20, hidden_size: 8, intermediate_size: 12, num_hidden_layers: 2, num_attention_heads: 2 });
const weights = initParameters(arch.parameters(), 0);
const job = (options: Record<string, unknown>, resume?: SftJob['resume']): SftJob => ({
  options: sftOptionsSchema.parse(options), model: { family: llamaFamily, arch, weights }, padId: 0, seed: 0, train: [], validation: [], resume,
});

describe(sftParameters.name, () => {
  it('full fine-tuning trains every parameter (or the top N blocks)', () => {
    expect(sftParameters(job({})).trainable).toEqual(arch.parameters().map((s) => s.name));
    expect(sftParameters(job({ trainableLayers: 1 })).trainable.every((n) => n.startsWith('model.layers.1.'))).toBe(true);
  });

  it('LoRA trains only A and B of the targets; the base weights are read as they are', () => {
    const sut = sftParameters(job({ lora: { rank: 2 } }));
    expect(sut.trainable).toEqual([0, 1].flatMap((l) => ['q_proj', 'v_proj'].flatMap((m) => ['A', 'B'].map((ab) => `model.layers.${l}.self_attn.${m}.lora_${ab}.weight`))));
    for (const [name, t] of weights) expect(sut.weights.get(name)).toBe(t);
    expect(sut.specs).toHaveLength(arch.parameters().length + 8);
    expect(sut.lora?.scaling).toBe(4);
    // per layer: q_proj and v_proj are [8, 8]; A [2, 8] + B [8, 2] each
    expect(sut.trainableCount).toBe(2 * 2 * (16 + 16));
  });

  it('refuses LoRA with trainableLayers, and a resume whose checkpoint holds no adapters', () => {
    expect(() => sftParameters(job({ lora: {}, trainableLayers: 1 }))).toThrow(OkapiError);
    const resume = { state: { stage: 'sft', step: 2, extra: {} }, weights, moments: { m: new Map(), v: new Map() } };
    expect(() => sftParameters(job({ lora: {} }, resume))).toThrow(/holds no LoRA adapters/);
  });
});
