import { BackendUnavailableError } from '@okapi/core';
import type { EngineName } from './engine-spec';
import { describeEngines, type EngineReport } from './probe-engines';

/** Engines that can serve each device, best first ('cpu' = the fastest CPU engine found). */
export const enginesForDevice: Readonly<Record<string, readonly EngineName[]>> = {
  cuda: ['tensorflow-gpu'],
  cpu: ['tensorflow', 'wasm', 'cpu'],
  wasm: ['wasm'],
};

/**
 * The engine to run on `device`: the pinned one (config `tfjs.engine`) or, for 'auto', the best
 * loadable one for the device. Throws with every engine's state when none fits.
 */
export function chooseEngine(reports: readonly EngineReport[], device: string, pinned: EngineName | 'auto'): Extract<EngineReport, { available: true }> {
  const candidates = enginesForDevice[device];
  if (candidates === undefined) {
    throw new BackendUnavailableError(
      `The tfjs backend has no device '${device}'`,
      `Use one of: ${Object.keys(enginesForDevice).join(', ')}. Engines here: ${describeEngines(reports)}.`,
    );
  }
  const allowed = pinned === 'auto' ? candidates : candidates.filter((c) => c === pinned);
  if (allowed.length === 0) {
    throw new BackendUnavailableError(
      `tfjs engine '${pinned}' cannot run device '${device}'`,
      `Device '${device}' is served by: ${candidates.join(', ')}; set tfjs.engine to one of them or to 'auto'.`,
    );
  }
  for (const name of allowed) {
    const report = reports.find((r) => r.spec.name === name);
    if (report?.available) return report;
  }
  throw new BackendUnavailableError(
    `No tfjs engine for device '${device}' loads here (tried ${allowed.join(', ')})`,
    `Engines here: ${describeEngines(reports)}.`,
  );
}
