import { createGraph } from '../../ir/create-graph';
import { grad } from '../../ir/autodiff/grad';
import { hostTensor } from '../../ir/host-tensor';
import { interpret } from '../../ir/interpret/reference-program';
import { declarePairInputs, rankingInputNames as names } from '../rm/ranking-loss-graph';
import { dpoPairLoss } from './dpo-graph';
import { dpoLoss } from './dpo-loss';

// rows 0..3: two pairs (0 ≻ 1) and (2 ≻ 3), equal weights
const policy = [-4, -8, -12.5, -3.25];
const reference = [-5, -7, -11, -6];
const pairs = [[0, 1], [2, 3]] as const;

function expected(beta: number, smoothing: number, p: readonly number[]): number {
  return pairs.reduce((sum, [c, r]) => sum + 0.5 * dpoLoss({ policyChosen: p[c]!, policyRejected: p[r]!, referenceChosen: reference[c]!, referenceRejected: reference[r]! }, beta, smoothing).loss, 0);
}

function run(beta: number, smoothing: number) {
  const g = createGraph('dpo-loss');
  const p = g.input('policy', 'float32', ['batch']);
  const ref = g.input('reference', 'float32', ['batch']);
  const loss = dpoPairLoss(p, ref, declarePairInputs(g), beta, smoothing);
  g.output('loss', loss);
  g.output('dpolicy', grad(loss, [p])[0]!);
  return interpret(g, {
    policy: hostTensor('float32', [4], policy), reference: hostTensor('float32', [4], reference),
    [names.chosen]: hostTensor('int64', [2], [0, 2]), [names.rejected]: hostTensor('int64', [2], [1, 3]), [names.pairWeight]: hostTensor('float32', [2], [0.5, 0.5]),
  });
}

describe(dpoPairLoss.name, () => {
  it.each([[0.1, 0], [0.5, 0], [0.1, 0.1], [2, 0.25]])('equals dpoLoss() (β %p, label smoothing %p) with matching gradients', (beta, smoothing) => {
    const out = run(beta, smoothing);
    expect(out.loss!.data[0]).toBeCloseTo(expected(beta, smoothing, policy), 7) // β, ε are float32 constants;
    const h = 1e-5;
    policy.forEach((_, i) => {
      const up = [...policy]; up[i]! += h;
      const down = [...policy]; down[i]! -= h;
      expect(out.dpolicy!.data[i]).toBeCloseTo((expected(beta, smoothing, up) - expected(beta, smoothing, down)) / (2 * h), 7);
    });
  });
});
