import type { BackendProbe } from '@okapi/core';
import { chooseEngine } from './engine/choose-engine';
import type { EngineEnvironment } from './engine/engine-environment';
import { describeEngines, devicesOf, probeEngines } from './engine/probe-engines';

/** Which devices work here, which engine serves 'cpu', and why the other engines do not load. */
export function probeTfjs(env: EngineEnvironment): BackendProbe {
  const reports = probeEngines(env);
  const devices = devicesOf(reports);
  if (devices.length === 0) {
    return { available: false, reason: `no tfjs engine loads: ${describeEngines(reports)}`, install: 'npm install @tensorflow/tfjs-backend-cpu' };
  }
  const served = devices.map((d) => `${d} -> ${chooseEngine(reports, d, 'auto').spec.name}`).join(', ');
  return { available: true, devices, detail: `engines: ${served}. ${describeEngines(reports)}` };
}
