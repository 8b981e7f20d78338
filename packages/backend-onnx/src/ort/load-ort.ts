import { BackendUnavailableError } from '@okapi/core';
import type * as OrtModule from 'onnxruntime-node';

export type Ort = typeof OrtModule;

let cached: Ort | undefined;

/**
 * onnxruntime-node, loaded on first use rather than at import time: loading it loads the native
 * binding, which must not happen just because the plugin was listed.
 */
export function loadOrt(): Ort {
  if (cached !== undefined) return cached;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy native load, see above
    const ort = require('onnxruntime-node') as Ort;
    // onnxruntime logs provider-library failures to stderr before throwing them; we report them as
    // errors with install hints instead, so only fatal messages are worth printing
    ort.env.logLevel = 'fatal';
    cached = ort;
    return ort;
  } catch (error) {
    throw new BackendUnavailableError(
      `onnxruntime-node could not be loaded: ${(error as Error).message}`,
      'Reinstall it (`npm install onnxruntime-node`); it ships prebuilt binaries for linux/macOS/windows on x64 and arm64.',
    );
  }
}
