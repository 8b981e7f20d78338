import { statfs } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BackendRegistry, RunOriginToken, type CommandDescriptor } from '@okapi/core';

const MIN_NODE_MAJOR = 20;

/** Optional packages that add devices or speed when a user installs them. */
const OPTIONAL_PACKAGES: readonly { name: string; adds: string }[] = [
  { name: '@tensorflow/tfjs-node-gpu', adds: 'tfjs backend on CUDA (libtensorflow, CUDA 11.2)' },
  { name: '@tensorflow/tfjs-node', adds: 'tfjs backend on native CPU kernels' },
  { name: '@tensorflow/tfjs-backend-wasm', adds: 'tfjs backend on WebAssembly' },
];

type Check = { readonly check: string; readonly ok: boolean; readonly details: string };

/** `okapi doctor`: is this machine ready (Node, backends and devices, optional GPU packages, disk)? */
export const doctorCommand: CommandDescriptor = {
  name: 'doctor',
  summary: 'Check Node, backends and devices, optional GPU packages and disk space',
  examples: ['okapi doctor', 'okapi doctor --model-size 7e9', 'okapi doctor --json'],
  options: [{ flags: '--model-size <params>', description: 'parameters of a model you plan to use: checks disk for it (float32 checkpoint + optimizer state)', parse: 'float' }],
  needsValidConfig: false,
  async run({ scope, out, options }) {
    const cwd = scope.resolve(RunOriginToken).cwd;
    const checks: Check[] = [nodeCheck()];
    for (const { descriptor, probe } of await scope.resolve(BackendRegistry).probeAll()) {
      checks.push({
        check: `backend ${descriptor.id}`,
        ok: probe.available,
        details: probe.available
          ? `devices: ${probe.devices.join(', ')}${Object.keys(probe.unavailableDevices ?? {}).length > 0 ? `; missing: ${Object.entries(probe.unavailableDevices!).map(([d, why]) => `${d} (${why})`).join('; ')}` : ''}`
          : `${probe.reason}${probe.install ? `; install: ${probe.install}` : ''}`,
      });
    }
    for (const pkg of OPTIONAL_PACKAGES) checks.push(optionalPackageCheck(pkg.name, pkg.adds, cwd));
    checks.push(await diskCheck(cwd, options.modelSize as number | undefined));
    out.table(checks, { title: 'okapi doctor', columns: ['check', 'ok', 'details'] });
  },
};

function nodeCheck(): Check {
  const major = Number(process.versions.node.split('.')[0]);
  return { check: 'node', ok: major >= MIN_NODE_MAJOR, details: `v${process.versions.node} (need ≥ ${MIN_NODE_MAJOR})` };
}

function optionalPackageCheck(name: string, adds: string, cwd: string): Check {
  try {
    // the user's project first, then the CLI's own installation (where optional backends usually live)
    const manifest = requireFrom(cwd, `${name}/package.json`) ?? requireFrom(__dirname, `${name}/package.json`);
    if (manifest === undefined) throw new Error('not installed');
    return { check: `optional ${name}`, ok: true, details: `${manifest.version}: ${adds}` };
  } catch {
    return { check: `optional ${name}`, ok: true, details: `not installed (optional): ${adds}; npm install ${name}` };
  }
}

function requireFrom(dir: string, id: string): { version: string } | undefined {
  try {
    return createRequire(path.join(dir, 'noop.js'))(id) as { version: string };
  } catch {
    return undefined;
  }
}

async function diskCheck(cwd: string, modelParams: number | undefined): Promise<Check> {
  const stats = await statfs(cwd);
  const free = stats.bavail * stats.bsize;
  // a float32 checkpoint (4 B/param) plus AdamW moments in a resumable checkpoint (8 B/param) and one spare copy
  const needed = modelParams === undefined ? undefined : modelParams * 4 * 4;
  const details = `${gib(free)} free in ${cwd}${needed === undefined ? '' : `; a ${modelParams!.toExponential(2)}-parameter model needs about ${gib(needed)} for a checkpoint with optimizer state`}`;
  return { check: 'disk', ok: needed === undefined || free >= needed, details };
}

const gib = (bytes: number): string => `${(bytes / 2 ** 30).toFixed(1)} GiB`;
