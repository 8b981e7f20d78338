import type { BackendProbe } from '@okapi/core';
import { chooseEngine, enginesForDevice } from './engine/choose-engine';
import type { EngineEnvironment } from './engine/engine-environment';
import { describeEngines, devicesOf, probeEngines, type EngineReport } from './engine/probe-engines';

/** Which devices work here, which engine serves each, and why the other engines do not load. */
export function probeTfjs(env: EngineEnvironment): BackendProbe {
  const reports = probeEngines(env);
  const devices = devicesOf(reports);
  if (devices.length === 0) {
    return { available: false, reason: `no tfjs engine loads: ${describeEngines(reports)}`, install: 'npm install @tensorflow/tfjs-backend-cpu' };
  }
  const served = devices.map((d) => `${d} -> ${chooseEngine(reports, d, 'auto').spec.name}`).join(', ');
  return { available: true, devices, detail: `engines: ${served}. ${describeEngines(reports)}`, unavailableDevices: missingDevices(reports, devices) };
}

/** For each device no engine serves here: why each engine that could serve it did not load. */
function missingDevices(reports: readonly EngineReport[], devices: readonly string[]): Record<string, string> {
  const missing: Record<string, string> = {};
  for (const [device, engines] of Object.entries(enginesForDevice)) {
    if (devices.includes(device)) continue;
    missing[device] = engines.map((name) => reports.find((r) => r.spec.name === name))
      .map((r) => (r === undefined || r.available ? '' : r.reason)).filter((why) => why !== '').join('; ');
  }
  return missing;
}
