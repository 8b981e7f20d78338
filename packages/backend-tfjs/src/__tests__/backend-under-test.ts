import {
  bindShape, hostTensor, numel, seededRandom, toFloat64, uniformValues,
  type CompileOptions, type Graph, type HostTensor, type TensorBackend,
} from '@okapi/core';
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

/** Compiles, uploads, runs once, downloads every output and frees everything it made. */
export async function runOnce(
  backend: TensorBackend, graph: Graph, feeds: Readonly<Record<string, HostTensor>>, options: CompileOptions = {},
): Promise<Record<string, HostTensor>> {
  const session = await backend.compile(graph, options);
  const uploaded = Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, backend.upload(t)]));
  try {
    const outputs = await session.run(uploaded);
    const result: Record<string, HostTensor> = {};
    for (const [name, t] of Object.entries(outputs)) {
      result[name] = await backend.download(t);
      t.dispose();
    }
    return result;
  } finally {
    Object.values(uploaded).forEach((t) => t.dispose());
    await session.dispose();
  }
}

/** Seeded float32 feeds in [lo, hi) for every float input of `graph` (dims bound by `dims`). */
export function randomFeeds(graph: Graph, dims: Readonly<Record<string, number>>, seed: number, lo = -1, hi = 1): Record<string, HostTensor> {
  const random = seededRandom(seed);
  const feeds: Record<string, HostTensor> = {};
  for (const input of graph.inputs) {
    const shape = bindShape(input.shape, dims, 'randomFeeds');
    if (input.dtype === 'float32') feeds[input.name as string] = hostTensor('float32', shape, uniformValues(random, numel(shape), lo, hi));
  }
  return feeds;
}

/** Largest |a - b| / (atol + rtol |b|); <= 1 means every element agrees within tolerance. */
export function worstMismatch(actual: HostTensor, expected: HostTensor, rtol = 1e-4, atol = 1e-5): number {
  const a = toFloat64(actual);
  const e = toFloat64(expected);
  if (a.length !== e.length) return Infinity;
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - e[i]) / (atol + rtol * Math.abs(e[i])));
  return worst;
}
