// Slow (npm run test:slow): decode speed of the static-cache graphs at SmolLM-135M's shape on ONNX.
import { CausalLmRunner, generate, initParameters, llamaFamily } from '@okapi/core';
import { createTestScope } from '@okapi/core/testing';
import onnxPlugin, { OnnxBackend } from '@okapi/backend-onnx';

const smolLmShape = {
  model_type: 'llama', vocab_size: 49152, hidden_size: 576, intermediate_size: 1536, num_hidden_layers: 30,
  num_attention_heads: 9, num_key_value_heads: 3, max_position_embeddings: 2048, tie_word_embeddings: true,
};

describe('static-cache decode at SmolLM-135M shape (onnx, CPU)', () => {
  it('generates through the static cache at batch 1 and 8 and reports tokens/s', async () => {
    const t = createTestScope({ plugins: [onnxPlugin], config: { backend: { name: 'onnx' } } });
    const backend = t.scope.resolve(OnnxBackend);
    await backend.init();
    const arch = llamaFamily.architecture(smolLmShape);
    const runner = CausalLmRunner.create(backend, arch, initParameters(arch.parameters(), 0), 256);
    const prompt = Array.from({ length: 100 }, (_, i) => 100 + i);
    await generate(runner, [prompt], { maxNewTokens: 2, eosIds: [], padId: 0, doSample: false }); // compile
    for (const batch of [1, 8]) {
      const prompts = Array.from({ length: batch }, () => prompt);
      const started = performance.now();
      const out = await generate(runner, prompts, { maxNewTokens: 17, eosIds: [], padId: 0, doSample: false });
      const seconds = (performance.now() - started) / 1000;
      expect(out.outputIds[0]).toHaveLength(17);
      console.log(`batch ${batch}: ${((batch * 17) / seconds).toFixed(1)} tokens/s including one 128-token prefill`);
    }
    await runner.dispose();
    await backend.dispose();
    await t.dispose();
  }, 1_800_000);
});
