import type { TensorBackend } from '../../backend/tensor-backend';
import { OkapiError } from '../../errors/okapi-error';
import { bloomFamily } from '../bloom/bloom-family';
import { llamaFamily } from '../llama/llama-family';
import { CausalLmRunner } from './causal-lm-runner';
import { prefillBucket } from './length-buckets';

/** A backend that must not be reached: the checks under test fire before any compile. */
const unreachable = {
  upload: () => ({ dispose() {} }),
  compile: () => { throw new Error('compile must not be reached'); },
} as unknown as TensorBackend;

const llama = llamaFamily.architecture({ model_type: 'llama', vocab_size: 10, hidden_size: 8, intermediate_size: 8, num_hidden_layers: 1, num_attention_heads: 2, max_position_embeddings: 32 });
const bloom = bloomFamily.architecture({ model_type: 'bloom', vocab_size: 10, hidden_size: 8, n_layer: 1, n_head: 2 });

describe(CausalLmRunner.name, () => {
  it('refuses a generation length beyond max_position_embeddings', () => {
    expect(() => CausalLmRunner.create(unreachable, llama, new Map(), 33)).toThrow(OkapiError);
    expect(() => CausalLmRunner.create(unreachable, llama, new Map(), 33)).toThrow(/context window \(2\.\.32\)/);
    expect(() => CausalLmRunner.create(unreachable, llama, new Map(), 32)).not.toThrow();
    expect(() => CausalLmRunner.create(unreachable, bloom, new Map(), 100_000)).not.toThrow(); // ALiBi: no limit
  });

  it('refuses a prompt that leaves no room for the new tokens, naming both', async () => {
    const sut = CausalLmRunner.create(unreachable, llama, new Map(), 16);
    const prompt = { inputIds: [new Array(12).fill(1)], attentionMask: [new Array(12).fill(1)] };
    await expect(sut.prefill(prompt, 6)).rejects.toThrow(/A prompt of 12 tokens plus 6 new tokens does not fit the generation length 16/);
  });
});

describe(prefillBucket.name, () => {
  it('rounds up to powers of two from 8, within the room left for new tokens', () => {
    expect([1, 8, 9, 17, 100].map((n) => prefillBucket(n, 1000))).toEqual([8, 8, 16, 32, 128]);
    expect(prefillBucket(9, 12)).toBe(12);
    expect(prefillBucket(12, 12)).toBe(12);
  });
});
