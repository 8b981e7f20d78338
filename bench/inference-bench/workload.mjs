// The workload both engines run (bench/inference-vs-transformersjs.mjs): the same prompts, the same
// greedy decoding of a fixed number of new tokens, timed the same way. No Okapi or transformers.js
// imports here, so either engine's child process can use it.
import { performance } from 'node:perf_hooks';

/** Deterministic prompt ids in [3, vocab) (xorshift32; ids 0..2 are the usual special tokens). */
export function promptIds(batch, length, vocab, seed) {
  let state = (seed * 2654435761) >>> 0 || 1;
  const next = () => {
    state ^= state << 13; state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5; state >>>= 0;
    return state;
  };
  return Array.from({ length: batch }, () => Array.from({ length }, () => 3 + (next() % (vocab - 3))));
}

/**
 * Records when each generated token arrives. `mark()` is called once per generation step (after the
 * step's tokens for every row were chosen); the first mark ends prefill, the rest are decode steps.
 */
export class StepClock {
  constructor() {
    this.start = performance.now();
    this.marks = [];
  }

  mark() {
    this.marks.push(performance.now());
  }

  /** Seconds from the call to the first token (prefill + choosing the first token). */
  get prefillSeconds() {
    return (this.marks[0] - this.start) / 1000;
  }

  /** Seconds of the decode steps (first token → last token). */
  get decodeSeconds() {
    return (this.marks[this.marks.length - 1] - this.marks[0]) / 1000;
  }

  get decodeSteps() {
    return this.marks.length - 1;
  }
}

/**
 * Runs one phase of the measurements with an engine's `generate(prompts, newTokens, clock) → ids of
 * row 0`. Phase 'prefill': one `prefillLength` prompt, 1 new token. Phase 'decode': at each batch size,
 * a `decodePrompt`-token prompt per row and `newTokens` new tokens. One untimed warm-up run each
 * (compiles graphs / creates caches), then `reps` timed runs; the fastest run is reported.
 */
export async function runWorkload(generate, spec, log) {
  return spec.phase === 'prefill' ? { prefill: await prefillPhase(generate, spec, log) } : { decode: await decodePhase(generate, spec, log) };
}

function prefillPhase(generate, spec, log) {
  const prompt = promptIds(1, spec.prefillLength, spec.vocabSize, 1);
  return timed(spec.reps, log, 'prefill', async () => {
    const clock = new StepClock();
    const ids = await generate(prompt, 1, clock);
    return { seconds: clock.prefillSeconds, tokensPerSecond: spec.prefillLength / clock.prefillSeconds, ids };
  });
}

async function decodePhase(generate, spec, log) {
  const vocab = spec.vocabSize;
  const decode = {};
  for (const batch of spec.batches) {
    const prompts = promptIds(batch, spec.decodePrompt, vocab, 100 + batch);
    const run = async (newTokens) => {
      const clock = new StepClock();
      const ids = await generate(prompts, newTokens, clock);
      if (clock.decodeSteps !== newTokens - 1) throw new Error(`expected ${newTokens - 1} decode steps, got ${clock.decodeSteps}`);
      return { seconds: clock.decodeSeconds, tokensPerSecond: (batch * clock.decodeSteps) / clock.decodeSeconds, ids };
    };
    // the warm-up needs only a few steps: prompt + 3 tokens falls in the same length bucket as the timed runs
    decode[batch] = await timed(spec.reps, log, `decode b${batch}`, () => run(spec.newTokens), () => run(Math.min(3, spec.newTokens)));
  }
  return decode;
}

async function timed(reps, log, what, run, warmUp = run) {
  await warmUp();
  const runs = [];
  for (let i = 0; i < reps; i++) {
    runs.push(await run());
    log(`${what}: ${runs[i].tokensPerSecond.toFixed(1)} tokens/s (${runs[i].seconds.toFixed(3)} s)`);
  }
  const best = runs.reduce((a, b) => (b.tokensPerSecond > a.tokensPerSecond ? b : a));
  return { tokensPerSecond: best.tokensPerSecond, seconds: best.seconds, allTokensPerSecond: runs.map((r) => r.tokensPerSecond), ids: runs[0].ids };
}

/** Current and peak resident set size of this process, in bytes. */
export function memory() {
  return { rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 };
}
