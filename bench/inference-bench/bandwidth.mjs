// Child process of bench/inference-vs-transformersjs.mjs: measures this machine's memory bandwidth
// with native memory loops on buffers far larger than the caches (256 MiB each):
//   - read, 1 thread:   Buffer.compare of two equal buffers (memcmp; reads both), bytes = 2 × size;
//   - read, N threads:  the same in N worker threads at once, each on its own pair of buffers;
//   - copy, 1 thread:   Float32Array.prototype.set (memcpy), bytes = read + written = 2 × size.
// Fastest of `reps` runs each. The bound used for decode is the highest of the three (the most
// conservative fraction). Prints one JSON line (bytes/s).
//   node bench/inference-bench/bandwidth.mjs [threads] [mib] [reps]
import { performance } from 'node:perf_hooks';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const SIZE_MIB = 256;

function pair(mib) {
  const a = Buffer.alloc(mib * 2 ** 20, 7);
  const b = Buffer.alloc(mib * 2 ** 20, 7);
  return [a, b];
}

/** Seconds of the fastest of `reps` memcmp passes over an equal pair (after one warm-up). */
function fastestCompare([a, b], reps) {
  let best = Infinity;
  for (let i = 0; i <= reps; i++) {
    const t = performance.now();
    if (Buffer.compare(a, b) !== 0) throw new Error('buffers differ');
    if (i > 0) best = Math.min(best, (performance.now() - t) / 1000);
  }
  return best;
}

function fastestCopy(mib, reps) {
  const src = new Float32Array((mib * 2 ** 20) / 4).fill(1.5);
  const dst = new Float32Array(src.length);
  let best = Infinity;
  for (let i = 0; i <= reps; i++) {
    const t = performance.now();
    dst.set(src);
    if (i > 0) best = Math.min(best, (performance.now() - t) / 1000);
  }
  return best;
}

/** N workers each run memcmp passes in lock step (a shared start signal); bandwidth = total bytes / slowest pass. */
async function parallelRead(threads, mib, reps) {
  let best = 0;
  const workers = Array.from({ length: threads }, () => new Worker(new URL(import.meta.url), { workerData: { mib } }));
  await Promise.all(workers.map((w) => new Promise((resolve) => w.once('message', resolve)))); // buffers allocated
  for (let i = 0; i <= reps; i++) {
    const start = performance.now();
    await Promise.all(workers.map((w) => new Promise((resolve) => { w.once('message', resolve); w.postMessage('go'); })));
    const seconds = (performance.now() - start) / 1000;
    if (i > 0) best = Math.max(best, (threads * 2 * mib * 2 ** 20) / seconds);
  }
  await Promise.all(workers.map((w) => w.terminate()));
  return best;
}

if (isMainThread) {
  const [threads = 2, mib = SIZE_MIB, reps = 5] = process.argv.slice(2).map(Number);
  const bytes = 2 * mib * 2 ** 20;
  const read1 = bytes / fastestCompare(pair(mib), reps);
  const copy1 = bytes / fastestCopy(mib, reps);
  const readN = await parallelRead(threads, mib, reps);
  console.log(JSON.stringify({ threads, mib, read1, readN, copy1, bound: Math.max(read1, readN, copy1) }));
} else {
  const buffers = pair(workerData.mib);
  parentPort.postMessage('ready');
  parentPort.on('message', () => {
    Buffer.compare(buffers[0], buffers[1]);
    parentPort.postMessage('done');
  });
}
