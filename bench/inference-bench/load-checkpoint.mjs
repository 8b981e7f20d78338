// Child process of bench/inference-vs-transformersjs.mjs: times Okapi.ts's loader on one checkpoint
// directory (safetensors of any storage dtype → float32 weights, names and shapes checked).
// The files were just written, so they are in the page cache: this is decode time, not disk time.
//   node bench/inference-bench/load-checkpoint.mjs <dir>
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import * as core from '@okapi/core';
import { memory } from './workload.mjs';

const dir = process.argv[2];
const families = new core.FamilyRegistry([core.llamaFamily, core.bloomFamily]);
const started = performance.now();
const model = await core.loadModelDirectory(dir, families);
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ dir, seconds, tensors: model.weights.size, memory: memory() }));
