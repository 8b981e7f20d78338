import { BackendUnavailableError } from '@okapi/core';
import type { EngineEnvironment } from './engine-environment';
import type { EngineReport } from './probe-engines';
import type { Tf } from './tf-module';

interface WasmModule {
  setWasmPaths(prefix: string, usePlatformFetch?: boolean): void;
}

/**
 * Makes `report`'s engine the active tfjs backend and returns tfjs-core. tfjs keeps one active
 * backend per process, so every session re-activates its engine before running.
 */
export async function activateEngine(report: Extract<EngineReport, { available: true }>, env: EngineEnvironment): Promise<Tf> {
  const tf = env.load('@tensorflow/tfjs-core') as Tf;
  // tfjs prints a "use tfjs-node" banner on the pure-JS backend; probe() already says which engine runs
  tf.env().set('PROD', true);
  if (report.wasmDir !== undefined && tf.findBackend('wasm') === null) {
    (report.module as WasmModule).setWasmPaths(report.wasmDir);
  }
  let ok = false;
  try {
    ok = await tf.setBackend(report.spec.tfBackend);
  } catch (error) {
    throw unavailable(report, (error as Error).message);
  }
  if (!ok) throw unavailable(report, 'tf.setBackend returned false');
  return tf;
}

/** Re-selects the engine if another backend instance switched tfjs to a different one meanwhile. */
export async function ensureActive(tf: Tf, tfBackend: string): Promise<void> {
  if (tf.getBackend() !== tfBackend) await tf.setBackend(tfBackend);
}

function unavailable(report: EngineReport, why: string): BackendUnavailableError {
  return new BackendUnavailableError(
    `tfjs engine '${report.spec.name}' (${report.spec.packageName}) failed to start: ${why}`,
    `Pin another engine with tfjs.engine in the config, or reinstall: ${report.spec.install}.`,
  );
}
