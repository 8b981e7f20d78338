import type { CompileOptions, DeviceTensor, TensorBackend } from '../backend/tensor-backend';
import { inferDims, toFloat64, type Graph, type HostTensor } from '../ir';

/** Compiles, uploads, runs once, downloads every output and frees everything it made. */
export async function runOnBackend(backend: TensorBackend, graph: Graph, feeds: Readonly<Record<string, HostTensor>>, options: CompileOptions = {}): Promise<Record<string, HostTensor>> {
  const session = await backend.compile(graph, { dims: inferDims(graph, feeds), ...options });
  const uploaded: Record<string, DeviceTensor> = {};
  let outputs: Record<string, DeviceTensor> = {};
  try {
    for (const [name, t] of Object.entries(feeds)) uploaded[name] = backend.upload(t);
    outputs = await session.run(uploaded);
    const result: Record<string, HostTensor> = {};
    for (const [name, t] of Object.entries(outputs)) result[name] = await backend.download(t);
    return result;
  } finally {
    for (const t of [...Object.values(uploaded), ...Object.values(outputs)]) t.dispose();
    await session.dispose();
  }
}

export interface Tolerance { readonly rtol: number; readonly atol: number }

/** Elements outside |a - e| <= atol + rtol |e| (NaN matches NaN), as readable lines; [] when all agree. */
export function mismatches(label: string, actual: HostTensor, expected: ArrayLike<number>, expectedShape: readonly number[] | undefined, tol: Tolerance): string[] {
  const problems: string[] = [];
  if (expectedShape && actual.shape.join(',') !== expectedShape.join(',')) problems.push(`${label}: shape [${actual.shape}] expected [${expectedShape}]`);
  const values = toFloat64(actual);
  if (values.length !== expected.length) return [...problems, `${label}: ${values.length} elements, expected ${expected.length}`];
  for (let i = 0; i < values.length && problems.length < 8; i++) {
    const a = values[i];
    const e = expected[i];
    const ok = Number.isNaN(e) ? Number.isNaN(a) : Math.abs(a - e) <= tol.atol + tol.rtol * Math.abs(e);
    if (!ok) problems.push(`${label}[${i}]: got ${a}, expected ${e}`);
  }
  return problems;
}
