import { BackendRegistry, RunOriginToken, type CommandDescriptor, type ProbedBackend } from '@okapi/core';

/** `okapi info`: the resolved config and its origin, loaded plugins, and backends with their devices. */
export const infoCommand: CommandDescriptor = {
  name: 'info',
  summary: 'Show the resolved config, loaded plugins and the backends/devices available here',
  examples: ['okapi info', 'okapi info --json', 'okapi info --backend onnx --device cpu'],
  async run({ scope, out }) {
    const origin = scope.resolve(RunOriginToken);
    const backends = await scope.resolve(BackendRegistry).probeAll();
    const chosen = 'backend.name' in definedFlags(origin.flags) || 'backend.device' in definedFlags(origin.flags);
    const selection = chosen ? await scope.resolve(BackendRegistry).select(scope.config.backend) : undefined;
    if (out.jsonMode) {
      out.json({
        configFile: origin.configFile ?? null, config: scope.config, plugins: origin.plugins,
        backends: backends.map(backendRow), selected: selection && { backend: selection.descriptor.id, device: selection.device },
      });
      return;
    }
    out.print(`Config file: ${origin.configFile ?? 'none found (searched from ' + origin.cwd + ' up to the project root); using defaults'}`);
    const fromFlags = Object.keys(definedFlags(origin.flags));
    if (fromFlags.length > 0) out.print(`From command-line flags: ${fromFlags.join(', ')}`);
    out.print(`Resolved config:\n${JSON.stringify(scope.config, null, 2)}\n`);
    out.table(origin.plugins.map((p) => ({ plugin: p.name, version: p.version, source: p.source })), { title: 'Plugins' });
    out.table(backends.map(backendRow), { title: 'Backends', columns: ['backend', 'priority', 'available', 'devices', 'details'] });
    if (selection !== undefined) out.print(`Selected: ${selection.descriptor.id} on ${selection.device}`);
  },
};

function definedFlags(flags: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined));
}

function backendRow({ descriptor, probe }: ProbedBackend) {
  return {
    backend: descriptor.id,
    priority: descriptor.priority,
    available: probe.available,
    devices: probe.available ? probe.devices : [],
    details: probe.available ? (probe.detail ?? descriptor.summary) : `${probe.reason}${probe.install ? `; install: ${probe.install}` : ''}`,
  };
}
