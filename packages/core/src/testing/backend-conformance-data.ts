import { hostTensor, seededRandom, uniformValues, type HostTensor } from '../ir';

/** Regression target y = sin(2 x0) + x1 x2 - 0.5 x3 on x uniform in [-1, 1]^4. */
export function mlpData(rows: number, seed = 7): Record<string, HostTensor> {
  const x = uniformValues(seededRandom(seed), rows * 4);
  const y = Array.from({ length: rows }, (_, r) => Math.sin(2 * x[4 * r]) + x[4 * r + 1] * x[4 * r + 2] - 0.5 * x[4 * r + 3]);
  return { x: hostTensor('float32', [rows, 4], x), y: hostTensor('float32', [rows, 1], y) };
}

/**
 * Sequence target: target[t] = x[t] + (mean of x[0..t]) A for a fixed random A, which one causal
 * attention head (uniform attention, V·O = A) plus the residual can represent.
 */
export function attentionData(batch: number, seq: number, hidden: number, seed = 11): Record<string, HostTensor> {
  const random = seededRandom(seed);
  const x = uniformValues(random, batch * seq * hidden);
  const a = uniformValues(random, hidden * hidden, -0.5, 0.5);
  const target = new Array<number>(x.length).fill(0);
  for (let b = 0; b < batch; b++) {
    const sum = new Array<number>(hidden).fill(0);
    for (let t = 0; t < seq; t++) {
      const row = (b * seq + t) * hidden;
      for (let i = 0; i < hidden; i++) sum[i] += x[row + i];
      for (let j = 0; j < hidden; j++) {
        let mixed = 0;
        for (let i = 0; i < hidden; i++) mixed += (sum[i] / (t + 1)) * a[i * hidden + j];
        target[row + j] = x[row + j] + mixed;
      }
    }
  }
  const positions = Array.from({ length: batch * seq }, (_, i) => i % seq);
  return {
    x: hostTensor('float32', [batch, seq, hidden], x),
    target: hostTensor('float32', [batch, seq, hidden], target),
    position_ids: hostTensor('int64', [batch, seq], positions),
  };
}
