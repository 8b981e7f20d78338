import { engineSpecs, type EngineSpec } from './engine-spec';
import type { EngineEnvironment } from './engine-environment';
import { findWasmDir } from './wasm-files';

/** One engine's state on this machine: loadable (with its module), or why not. */
export type EngineReport =
  | { readonly spec: EngineSpec; readonly available: true; readonly module: unknown; readonly wasmDir?: string }
  | { readonly spec: EngineSpec; readonly available: false; readonly reason: string };

/** Loads each engine's package once; never throws (unavailability is a value with a reason). */
export function probeEngines(env: EngineEnvironment): EngineReport[] {
  return engineSpecs.map((spec) => probeEngine(spec, env));
}

function probeEngine(spec: EngineSpec, env: EngineEnvironment): EngineReport {
  let module: unknown;
  try {
    module = env.load(spec.packageName);
  } catch (error) {
    return { spec, available: false, reason: loadFailure(spec, error) };
  }
  if (spec.name !== 'wasm') return { spec, available: true, module };
  try {
    return { spec, available: true, module, wasmDir: findWasmDir(env) };
  } catch (error) {
    return { spec, available: false, reason: `${spec.packageName} is installed but unusable: ${(error as Error).message}: ${spec.install}` };
  }
}

function loadFailure(spec: EngineSpec, error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  const missing = e?.code === 'MODULE_NOT_FOUND' && String(e.message).includes(spec.packageName);
  return missing
    ? `${spec.packageName} not installed: ${spec.install}`
    : `${spec.packageName} failed to load (${String(e?.message ?? error).split('\n')[0]}): reinstall it, ${spec.install}`;
}

/** Devices served by at least one loadable engine, in engine order. */
export function devicesOf(reports: readonly EngineReport[]): string[] {
  return [...new Set(reports.filter((r) => r.available).map((r) => r.spec.device).concat(cpuServed(reports) ? ['cpu'] : []))];
}

/** Every CPU-side engine (tfjs-node, wasm, pure JS) can serve device 'cpu'. */
function cpuServed(reports: readonly EngineReport[]): boolean {
  return reports.some((r) => r.available && r.spec.device !== 'cuda');
}

/** One line per engine: which loaded, and why the others did not. */
export function describeEngines(reports: readonly EngineReport[]): string {
  return reports.map((r) => (r.available ? `${r.spec.name}: available (${r.spec.packageName})` : `${r.spec.name}: ${r.reason}`)).join('; ');
}
