import { validateConfig } from '../config/validate-config';
import { createTestScope } from '../testing/create-test-scope';
import { definePlugin } from '../plugin/plugin';
import { registerTrainerContributions } from './register-trainers';

describe('trainer config sections', () => {
  const plugin = definePlugin({ meta: { name: 't', version: '1' }, register: registerTrainerContributions });

  it("defaults to Okapi's recipe (OKAPI-FACTS.md)", async () => {
    const t = createTestScope({ plugins: [plugin], config: { sft: {}, rm: {}, ppo: {} } });
    const c = t.scope.config as Record<string, Record<string, unknown>>;
    expect(c.sft).toMatchObject({ maxLength: 512, epochs: 3, learningRate: 1e-5, schedule: 'cosine', warmupSteps: 300, weightDecay: 0.05, betas: [0.9, 0.95], microBatchSize: 2, validationSplit: 0.1, lossOn: 'all', appendEos: true });
    expect(c.rm).toMatchObject({ maxLength: 768, learningRate: 3e-5, weightDecay: 1e-4, warmupSteps: 50, epochs: 3, trainableLayers: 12 });
    expect((c.rm!.microBatchSize as number) * (c.rm!.gradientAccumulationSteps as number)).toBe(64);
    expect(c.ppo).toMatchObject({
      initKlCoef: 0.1, klTarget: 6, klHorizon: 10000, gamma: 1, lam: 0.95, cliprange: 0.2, cliprangeValue: 0.2, vfCoef: 1,
      ppoEpochs: 4, numRollouts: 128, chunkSize: 16, batchSize: 2, miniBatchSize: 1, rewardClip: 10, learningRate: 1e-6,
      betas: [0.9, 0.95], eps: 1e-8, weightDecay: 1e-6, temperature: 1, topK: 0, topP: 1, maxNewTokens: 256,
      maxPromptLength: 512, validationSplit: 0.05, trainableLayers: 5,
    });
    await t.dispose();
  });

  it('rejects out-of-range values with their path', async () => {
    const t = createTestScope({ plugins: [plugin] });
    const sections = t.scope.contributions('configSection');
    expect(() => validateConfig({ ppo: { lam: 2, cliprange: -1 } }, sections, 'test')).toThrow(/ppo\.lam: expected a value <= 1[\s\S]*ppo\.cliprange: expected a value > 0/);
    await t.dispose();
  });
});
