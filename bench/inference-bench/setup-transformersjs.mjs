// transformers.js is a bench-only dependency, kept out of the workspace (it brings onnxruntime-web,
// sharp and its own onnxruntime-node): bench/transformersjs has its own package.json and lock file,
// installed here on first use with `npm ci`. The CUDA download of onnxruntime-node's postinstall is
// skipped (the CPU binaries ship in the package), so this works with the npm registry alone.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from './child-process.mjs';

export const transformersJsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../transformersjs');

export async function ensureTransformersJs() {
  if (existsSync(path.join(transformersJsDir, 'node_modules/@huggingface/transformers/package.json'))) return;
  process.stderr.write(`installing transformers.js into ${transformersJsDir}/node_modules (npm ci, first use only)\n`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await runCommand(npm, ['ci', '--prefix', transformersJsDir, '--no-audit', '--no-fund'], {
    env: { ONNXRUNTIME_NODE_INSTALL: 'skip', ONNXRUNTIME_NODE_INSTALL_CUDA: 'skip' },
  });
}
