import { createGraph } from '../../ir/create-graph';
import { hostTensor } from '../../ir/host-tensor';
import { interpret } from '../../ir/interpret/reference-program';
import { rotaryTables } from './llama-rotary';
import type { RopeScaling } from './llama-rope-scaling';

/** Runs rotaryTables on int64 positions [batch, seq]; returns cos and sin as [batch][seq][headDim]. */
function tables(positions: number[][], headDim: number, ropeScaling: RopeScaling): { cos: number[][][]; sin: number[][][] } {
  const g = createGraph('rotary');
  const [batch, seq] = [positions.length, positions[0].length];
  const input = g.input('positions', 'int64', [batch, seq]);
  const { cos, sin } = rotaryTables(input, { headDim, ropeTheta: 10000, ropeScaling });
  g.output('cos', cos);
  g.output('sin', sin);
  const out = interpret(g, { positions: hostTensor('int64', [batch, seq], positions.flat()) });
  const split = (data: ArrayLike<number>) => positions.map((row, b) => row.map((_, s) => Array.from({ length: headDim }, (_, k) => data[(b * seq + s) * headDim + k])));
  return { cos: split(out.cos.data), sin: split(out.sin.data) };
}

/** cos(p·f) for the head layout [f0, f1, f0, f1] (head size 4). */
const expectedCos = (p: number, f: readonly number[], scale = 1) => [...f, ...f].map((x) => scale * Math.cos(p * x));

describe(rotaryTables.name, () => {
  const dynamic: RopeScaling = { kind: 'dynamic', factor: 2, maxPositions: 8 };

  it('dynamic NTK: a call whose positions stay below max positions uses theta itself', () => {
    const { cos } = tables([[0, 1, 2, 7]], 4, dynamic);
    cos[0].forEach((row, p) => row.forEach((v, k) => expect(v).toBeCloseTo(expectedCos([0, 1, 2, 7][p], [1, 0.01])[k], 6)));
  });

  it('dynamic NTK: one position past max in any row rescales the base for the whole call (HF: max(position_ids) + 1)', () => {
    // max position 15 → L = 16 → base 90000 → inv_freq [1, 1/300], for both rows
    const { cos } = tables([[0, 3, 15], [0, 1, 2]], 4, dynamic);
    expect(cos[0][1]).toEqual(expectedCos(3, [1, 1 / 300]).map((v) => expect.closeTo(v, 6)));
    expect(cos[1][2]).toEqual(expectedCos(2, [1, 1 / 300]).map((v) => expect.closeTo(v, 6)));
  });

  it('dynamic NTK in a decode step: the single new position p uses L = p + 1 (what HF recomputes at that step)', () => {
    // p = 11 → L = 12 → base = 10000·(2·12/8 − 1)² = 40000 → inv_freq [1, 1/200]
    const { cos, sin } = tables([[11]], 4, dynamic);
    expect(cos[0][0]).toEqual(expectedCos(11, [1, 1 / 200]).map((v) => expect.closeTo(v, 6)));
    expect(sin[0][0][1]).toBeCloseTo(Math.sin(11 / 200), 6);
  });

  it('longrope switches to the long factors when the call reaches past the original length, and scales cos/sin', () => {
    const longrope: RopeScaling = { kind: 'longrope', shortFactor: [1, 2], longFactor: [4, 8], originalMaxPositions: 4, attentionFactor: 1.5 };
    expect(tables([[0, 1, 2, 3]], 4, longrope).cos[0][3]).toEqual(expectedCos(3, [1, 0.005], 1.5).map((v) => expect.closeTo(v, 6)));
    expect(tables([[2, 3, 4]], 4, longrope).cos[0][1]).toEqual(expectedCos(3, [0.25, 0.00125], 1.5).map((v) => expect.closeTo(v, 6)));
  });

  it('yarn multiplies cos and sin by its attention factor', () => {
    const yarn: RopeScaling = { kind: 'yarn', factor: 4, originalMaxPositions: 64, betaFast: 32, betaSlow: 1, truncate: true, attentionFactor: 2 };
    const { sin } = tables([[5]], 4, yarn);
    sin[0][0].forEach((v) => expect(Math.abs(v)).toBeLessThanOrEqual(2));
    expect(sin[0][0][0]).toBeCloseTo(2 * Math.sin(5), 6); // dim 0 sits below the correction range: plain frequency 1
  });
});
