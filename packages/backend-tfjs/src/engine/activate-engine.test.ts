import { BackendUnavailableError } from '@okapi/core';
import { activateEngine } from './activate-engine';
import type { EngineEnvironment } from './engine-environment';
import { engineSpec } from './engine-spec';
import type { EngineReport } from './probe-engines';

/** tfjs-core as far as activation uses it, with a setBackend that answers `started`. */
function fakeTf(started: boolean | Error) {
  const calls: string[] = [];
  const flags: Record<string, unknown> = {};
  const tf = {
    env: () => ({ set: (k: string, v: unknown) => { flags[k] = v; } }),
    findBackend: () => null,
    setBackend: async (name: string) => {
      calls.push(name);
      if (started instanceof Error) throw started;
      return started;
    },
  };
  const env: EngineEnvironment = { load: () => tf, resolve: () => '', exists: () => true };
  return { env, calls, flags };
}

const tfjsNode: Extract<EngineReport, { available: true }> = { spec: engineSpec('tensorflow'), available: true, module: {} };

describe(activateEngine.name, () => {
  it("selects the engine's tfjs backend and silences tfjs's console banner", async () => {
    const { env, calls, flags } = fakeTf(true);
    await activateEngine(tfjsNode, env);
    expect(calls).toEqual(['tensorflow']);
    expect(flags.PROD).toBe(true);
  });

  it('points tfjs at the wasm binaries before the wasm backend starts', async () => {
    const { env } = fakeTf(true);
    const prefixes: string[] = [];
    const wasm: Extract<EngineReport, { available: true }> = { spec: engineSpec('wasm'), available: true, module: { setWasmPaths: (p: string) => prefixes.push(p) }, wasmDir: '/nm/wasm/dist/' };
    await activateEngine(wasm, env);
    expect(prefixes).toEqual(['/nm/wasm/dist/']);
  });

  it.each([false, new Error('libcudart.so.11.0: cannot open shared object file')])('reports an engine that loads but does not start (%p), with how to fix it', async (answer) => {
    const { env } = fakeTf(answer);
    const failure = activateEngine(tfjsNode, env);
    await expect(failure).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(failure).rejects.toThrow(/tfjs engine 'tensorflow' \(@tensorflow\/tfjs-node\) failed to start/);
    await expect(failure).rejects.toMatchObject({ hint: expect.stringContaining('tfjs.engine') });
  });
});
