import { ops } from '../ir';
import type { Value } from '../ir/value';

/** Global L2 norm of all gradients, and the gradients scaled so the norm is at most maxNorm (PyTorch clip_grad_norm_). */
export function clipByGlobalNorm(grads: readonly Value[], maxNorm: number | undefined): { norm: Value; clipped: Value[] } {
  const squares = grads.map((g) => ops.reduceSum(ops.mul(g, g), [], false));
  const norm = ops.sqrt(squares.reduce((acc, s) => ops.add(acc, s)));
  if (maxNorm === undefined) return { norm, clipped: [...grads] };
  // clip_coef = max_norm / (norm + 1e-6), clamped to 1
  const coef = ops.min(ops.div(maxNorm, ops.add(norm, 1e-6)), 1);
  return { norm, clipped: grads.map((g) => ops.mul(g, coef)) };
}
