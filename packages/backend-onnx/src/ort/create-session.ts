import type * as OrtModule from 'onnxruntime-node';
import type { OnnxOptions } from '../onnx-options';
import { OnnxModelBuilder } from '../proto/model-builder';
import { executionProvidersFor, listProviders, providerLoadError } from './execution-providers';
import type { Ort } from './load-ort';

export type OrtSession = OrtModule.InferenceSession;

export interface SessionSettings {
  readonly device: string;
  /** Intra-op threads; undefined = onnxruntime's default (all cores). */
  readonly threads?: number;
  readonly options: OnnxOptions;
}

export function sessionOptions(ort: Ort, settings: SessionSettings): OrtModule.InferenceSession.SessionOptions {
  return {
    executionProviders: executionProvidersFor(settings.device, listProviders(ort)),
    // onnxruntime-node rejects an explicit undefined; leaving the key out means all cores
    ...(settings.threads === undefined ? {} : { intraOpNumThreads: settings.threads }),
    interOpNumThreads: settings.options.interOpThreads,
    executionMode: settings.options.interOpThreads > 1 ? 'parallel' : 'sequential',
    graphOptimizationLevel: settings.options.graphOptimizationLevel,
    // warnings about unused initializers etc. are noise for generated graphs
    logSeverityLevel: 3,
    ...(settings.options.profileFilePrefix === undefined ? {} : { enableProfiling: true, profileFilePrefix: settings.options.profileFilePrefix }),
  };
}

/** Creates an onnxruntime session from model bytes or a .onnx path, with provider failures turned into clear errors. */
export async function createOrtSession(ort: Ort, model: Uint8Array | string, settings: SessionSettings): Promise<OrtSession> {
  const options = sessionOptions(ort, settings);
  try {
    return await (typeof model === 'string' ? ort.InferenceSession.create(model, options) : ort.InferenceSession.create(model, options));
  } catch (error) {
    if (settings.device !== 'cpu' && /provider|shared library|adapter|backend/i.test((error as Error).message)) {
      throw providerLoadError(settings.device, listProviders(ort), error);
    }
    throw error;
  }
}

/** Starts the device's provider on a one-node model, so a missing provider fails at init with its hint. */
export async function assertDeviceStarts(ort: Ort, settings: SessionSettings): Promise<void> {
  if (settings.device === 'cpu') return;
  const b = new OnnxModelBuilder('device-check');
  b.addInput('x', 'float32', [1]);
  b.addOutput('y', b.op('Identity', ['x']), 'float32', [1]);
  const session = await createOrtSession(ort, b.encode(), settings);
  await session.release();
}
