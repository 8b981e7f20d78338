import { z } from 'zod';
import { ConfigValidationError } from './config-errors';
import { validateConfig } from './validate-config';

describe(validateConfig.name, () => {
  const ppoSection = { key: 'ppo', summary: 'PPO', schema: z.object({ initKlCoef: z.number().default(0.1), ppoEpochs: z.number().int().default(4) }) };

  it('fills defaults and freezes the result deeply', () => {
    const { config, warnings } = validateConfig({}, [], 'test');
    expect(config.backend).toEqual({ name: 'auto', device: 'cpu' });
    expect(config.seed).toBe(0);
    expect(warnings).toEqual([]);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.backend)).toBe(true);
  });

  it('reports every wrong value together, with path, expected and received', () => {
    const run = () => validateConfig({ seed: 'one', backend: { threads: -2 }, prompt: 'fancy' }, [], 'okapi.config.json');
    expect(run).toThrow(ConfigValidationError);
    try {
      run();
    } catch (error) {
      const problems = (error as ConfigValidationError).problems;
      expect(problems).toEqual(expect.arrayContaining([
        { path: 'seed', expected: 'number', received: 'string "one"' },
        { path: 'backend.threads', expected: 'a value > 0', received: 'number -2' },
        { path: 'prompt', expected: 'one of "okapi", "native"', received: 'string "fancy"' },
      ]));
      expect((error as Error).message).toContain('okapi.config.json');
    }
  });

  it('warns about unknown keys at any depth with a did-you-mean', () => {
    const { warnings } = validateConfig({ seeed: 1, backend: { devcie: 'cpu' } }, [], 'test');
    expect(warnings).toEqual([
      "Unknown config key 'seeed'; it is ignored. Did you mean 'seed'?",
      "Unknown config key 'backend.devcie'; it is ignored. Did you mean 'device'?",
    ]);
  });

  it('validates contributed sections like core keys', () => {
    const { config, warnings } = validateConfig({ ppo: { ppoEpochs: 2, initKlCoeff: 0.2 } }, [ppoSection], 'test');
    expect(config.ppo).toEqual({ initKlCoef: 0.1, ppoEpochs: 2 });
    expect(warnings).toEqual(["Unknown config key 'ppo.initKlCoeff'; it is ignored. Did you mean 'initKlCoef'?"]);
    expect(() => validateConfig({ ppo: { ppoEpochs: 1.5 } }, [ppoSection], 'test')).toThrow(/ppo\.ppoEpochs: expected int/);
  });

  it('treats a section key as unknown when its plugin is not loaded', () => {
    expect(validateConfig({ ppo: {} }, [], 'test').warnings[0]).toMatch(/Unknown config key 'ppo'/);
  });
});
