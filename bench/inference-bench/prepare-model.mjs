// Child process of bench/inference-vs-transformersjs.mjs: creates one random-weight model directory
// per storage dtype with Okapi.ts's checkpoint writer (dir/f32, dir/bf16, dir/f16), unless already
// there from an earlier run with the same config. Prints one JSON line: parameter count, weight bytes.
//   node bench/inference-bench/prepare-model.mjs <dir> '<hf config json>'
import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as core from '@okapi/core';

const [dir, configJson] = process.argv.slice(2);
const hf = JSON.parse(configJson);
const marker = path.join(dir, 'prepared.json');
const family = hf.model_type === 'bloom' ? core.bloomFamily : core.llamaFamily;
const arch = family.architecture(hf);
const specs = arch.parameters();
const parameters = specs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1), 0);

if (existsSync(marker) && readFileSync(marker, 'utf8') === configJson) {
  process.stderr.write(`  reusing ${dir}\n`);
} else {
  const started = performance.now();
  const weights = core.initParameters(specs, 'bench/inference');
  for (const [name, dtype] of [['f32', 'F32'], ['bf16', 'BF16'], ['f16', 'F16']]) {
    await core.saveModelDirectory(path.join(dir, name), arch, weights, { dtype });
  }
  writeFileSync(marker, configJson);
  process.stderr.write(`  created ${dir} (f32, bf16, f16) in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
}
console.log(JSON.stringify({ parameters, weightBytes: 4 * parameters, tied: hf.tie_word_embeddings !== false }));
