import path from 'node:path';
import type { EngineEnvironment } from './engine-environment';

/** The plain (non-SIMD, non-threaded) binary; tfjs picks the SIMD one itself when supported. */
const wasmBinary = 'tfjs-backend-wasm.wasm';

/**
 * The folder holding tfjs-backend-wasm's .wasm binaries (its package `dist/`), with a trailing
 * slash as `setWasmPaths` expects. In Node, tfjs reads them with fs from this prefix.
 */
export function findWasmDir(env: EngineEnvironment): string {
  const main = env.resolve('@tensorflow/tfjs-backend-wasm');
  const dir = path.dirname(main);
  if (!env.exists(path.join(dir, wasmBinary))) {
    throw new Error(`${wasmBinary} is missing from ${dir} (a partial install?)`);
  }
  return dir + path.sep;
}
