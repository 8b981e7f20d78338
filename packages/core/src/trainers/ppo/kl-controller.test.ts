import { AdaptiveKlController, FixedKlController } from './kl-controller';

describe(AdaptiveKlController.name, () => {
  it('raises the coefficient when KL is above target, by the clipped proportional error', () => {
    const sut = new AdaptiveKlController(0.1, 6, 10000);
    sut.update(7.2, 128); // error 0.2 → ×(1 + 0.2·128/10000) = ×1.00256
    expect(sut.value).toBeCloseTo(0.100256, 12);
  });

  it('clips the error to ±0.2 and lowers the coefficient below target', () => {
    const sut = new AdaptiveKlController(0.1, 6, 10000);
    sut.update(0, 128); // error −1 clipped to −0.2 → ×0.99744
    expect(sut.value).toBeCloseTo(0.099744, 12);
    sut.update(600, 10000); // error clipped to +0.2 → ×1.2
    expect(sut.value).toBeCloseTo(0.099744 * 1.2, 12);
  });

  it('serialises its state', () => {
    expect(new AdaptiveKlController(0.1, 6, 10000).state()).toEqual({ kind: 'adaptive', value: 0.1 });
    const fixed = new FixedKlController(0.05);
    fixed.update();
    expect(fixed.state()).toEqual({ kind: 'fixed', value: 0.05 });
  });
});
