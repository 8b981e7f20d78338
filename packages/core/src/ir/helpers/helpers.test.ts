import { createGraph } from '../create-graph';
import { hostTensor } from '../host-tensor';
import { interpret } from '../interpret/reference-program';
import { alibiSlopes } from '../ops/alibi-bias';
import { causalMask, causalPaddingMask, maskToBias, paddingMask } from './attention-masks';
import { rotaryCosSin, rotaryInverseFrequencies } from './rotary-tables';

describe('attention helpers', () => {
  it('causalMask is lower-triangular for a prefill and all-visible for a decode step at the last position', () => {
    const g = createGraph('t');
    const prefill = g.input('prefill', 'int64', [1, 3]);
    const decode = g.input('decode', 'int64', [1, 1]);
    g.output('prefill', causalMask(prefill, 3));
    g.output('decode', causalMask(decode, 3));
    const out = interpret(g, { prefill: hostTensor('int64', [1, 3], [0, 1, 2]), decode: hostTensor('int64', [1, 1], [2]) });
    expect([...out.prefill.data]).toEqual([1, 0, 0, 1, 1, 0, 1, 1, 1]);
    expect([...out.decode.data]).toEqual([1, 1, 1]);
  });

  it('combines padding and causality, and turns masks into additive biases', () => {
    const g = createGraph('t');
    const positions = g.input('positions', 'int64', [1, 3]);
    const mask = g.input('mask', 'int64', [1, 3]);
    expect(paddingMask(mask).shape).toEqual([1, 1, 1, 3]);
    const combined = causalPaddingMask(positions, mask);
    g.output('combined', combined);
    g.output('bias', maskToBias(combined));
    const out = interpret(g, { positions: hostTensor('int64', [1, 3], [0, 1, 2]), mask: hostTensor('int64', [1, 3], [0, 1, 1]) });
    expect(out.combined.shape).toEqual([1, 1, 3, 3]);
    // left padding: key 0 is padding; causal by slot index
    expect([...out.combined.data]).toEqual([0, 0, 0, 0, 1, 0, 0, 1, 1]);
    expect([...out.bias.data].map((v) => (v === 0 ? 0 : v < -1e8 ? -1 : NaN))).toEqual([-1, -1, -1, -1, 0, -1, -1, 0, 0]);
  });

  it('builds HF rotary tables: emb = cat(freqs, freqs), inv_freq = theta^(-2i/d)', () => {
    expect(rotaryInverseFrequencies(4, 10000)).toEqual([1, 0.01]);
    const g = createGraph('t');
    const { cos, sin } = rotaryCosSin(g.input('pos', 'int64', [1, 2]), 4);
    g.output('cos', cos);
    g.output('sin', sin);
    const out = interpret(g, { pos: hostTensor('int64', [1, 2], [0, 3]) });
    expect(out.cos.shape).toEqual([1, 1, 2, 4]);
    const expectedCos = [1, 1, 1, 1, Math.cos(3), Math.cos(0.03), Math.cos(3), Math.cos(0.03)];
    const expectedSin = [0, 0, 0, 0, Math.sin(3), Math.sin(0.03), Math.sin(3), Math.sin(0.03)];
    expectedCos.forEach((v, i) => expect(out.cos.data[i]).toBeCloseTo(v, 6));
    expectedSin.forEach((v, i) => expect(out.sin.data[i]).toBeCloseTo(v, 6));
  });

  it('ALiBi slopes follow BLOOM: geometric for powers of two, interleaved extras otherwise', () => {
    expect(alibiSlopes(8)).toEqual([1 / 2, 1 / 4, 1 / 8, 1 / 16, 1 / 32, 1 / 64, 1 / 128, 1 / 256]);
    expect(alibiSlopes(3)).toEqual([1 / 16, 1 / 256, 1 / 4]);
  });
});
