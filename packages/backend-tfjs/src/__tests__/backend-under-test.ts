import type { HostTensor } from '@okapi/core';
import { createTestScope, type TestScope } from '@okapi/core/testing';
import tfjsPlugin from '../plugin';
import { TfjsBackend } from '../tfjs-backend';
import { tfjsDescriptor } from '../tfjs-descriptor';

export type TestEngine = 'cpu' | 'wasm';

export interface BackendUnderTest {
  readonly backend: TfjsBackend;
  readonly scope: TestScope;
  dispose(): Promise<void>;
}

/** A TfjsBackend resolved the way the CLI does it (plugin registered, config validated), pinned to an engine. */
export async function backendUnderTest(engine: TestEngine): Promise<BackendUnderTest> {
  const scope = createTestScope({
    plugins: [tfjsPlugin],
    config: { backend: { name: 'tfjs', device: engine === 'wasm' ? 'wasm' : 'cpu' }, tfjs: { engine } },
  });
  const backend = scope.scope.resolve(tfjsDescriptor.useClass) as TfjsBackend;
  await backend.init();
  return {
    backend,
    scope,
    async dispose() {
      await backend.dispose();
      await scope.dispose();
    },
  };
}

/** Host values as plain numbers (int64 converted). */
export function numbers(t: HostTensor): number[] {
  return Array.from(t.data as ArrayLike<number | bigint>, Number);
}
