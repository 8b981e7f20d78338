import { injectAll, injectable } from 'tsyringe';
import { BackendContribution } from '../di/contributions';
import { findContribution } from '../di/find-contribution';
import type { BackendDescriptor, BackendProbe } from './backend-descriptor';
import { BackendUnavailableError } from './backend-errors';

export interface BackendPreference {
  /** A backend id or 'auto'. */
  readonly name: string;
  readonly device: string;
}

export interface ProbedBackend {
  readonly descriptor: BackendDescriptor;
  readonly probe: BackendProbe;
}

export interface BackendChoice {
  readonly descriptor: BackendDescriptor;
  readonly device: string;
}

/** All contributed backends, probed lazily, chosen by id or by priority ('auto'). */
@injectable()
export class BackendRegistry {
  private readonly probes = new Map<string, Promise<BackendProbe>>();

  constructor(@injectAll(BackendContribution, { isOptional: true }) private readonly backends: BackendDescriptor[] = []) {}

  /** By descending priority. */
  list(): BackendDescriptor[] {
    return [...this.backends].sort((a, b) => b.priority - a.priority);
  }

  probe(descriptor: BackendDescriptor): Promise<BackendProbe> {
    let probe = this.probes.get(descriptor.id);
    if (probe === undefined) {
      probe = descriptor.probe().catch((error: unknown) => ({ available: false as const, reason: `probe failed: ${(error as Error).message}` }));
      this.probes.set(descriptor.id, probe);
    }
    return probe;
  }

  async probeAll(): Promise<ProbedBackend[]> {
    return Promise.all(this.list().map(async (descriptor) => ({ descriptor, probe: await this.probe(descriptor) })));
  }

  /** The backend to use; every reason for failure is reported together when nothing fits. */
  async select(preference: BackendPreference): Promise<BackendChoice> {
    const candidates = preference.name === 'auto'
      ? this.list()
      : [findContribution('backend', this.backends, preference.name)];
    const failures: string[] = [];
    for (const descriptor of candidates) {
      const probe = await this.probe(descriptor);
      if (!probe.available) {
        failures.push(`${descriptor.id}: ${probe.reason}${probe.install ? ` (install: ${probe.install})` : ''}`);
      } else if (!probe.devices.includes(preference.device)) {
        const why = probe.unavailableDevices?.[preference.device];
        failures.push(`${descriptor.id}: no device '${preference.device}' here (found: ${probe.devices.join(', ')})${why ? `: ${why}` : ''}`);
      } else {
        return { descriptor, device: preference.device };
      }
    }
    throw new BackendUnavailableError(
      `No backend can run '${preference.name}' on device '${preference.device}':\n${failures.map((f) => `  - ${f}`).join('\n')}`,
      `${await this.availableSummary()} Choose one with --backend/--device or 'backend' in the config; \`okapi info\` lists them.`,
    );
  }

  private async availableSummary(): Promise<string> {
    const usable = (await this.probeAll())
      .filter((p) => p.probe.available)
      .map((p) => `${p.descriptor.id} (${p.probe.available ? p.probe.devices.join(', ') : ''})`);
    return usable.length > 0 ? `Available here: ${usable.join('; ')}.` : 'No backend is available on this machine.';
  }
}
