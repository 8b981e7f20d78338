/**
 * KL-penalty coefficient controllers (Ziegler et al., 2019; TRL's AdaptiveKLController /
 * FixedKLController). The state is one number, so it checkpoints as `{ kind, value }`.
 */
export interface KlControllerState {
  readonly kind: 'adaptive' | 'fixed';
  readonly value: number;
}

export interface KlController {
  readonly value: number;
  /** After a batch of `nSteps` samples whose mean KL was `currentKl`. */
  update(currentKl: number, nSteps: number): void;
  state(): KlControllerState;
}

export class AdaptiveKlController implements KlController {
  constructor(public value: number, private readonly target: number, private readonly horizon: number) {}

  update(currentKl: number, nSteps: number): void {
    const proportionalError = Math.min(0.2, Math.max(-0.2, currentKl / this.target - 1));
    this.value *= 1 + (proportionalError * nSteps) / this.horizon;
  }

  state(): KlControllerState {
    return { kind: 'adaptive', value: this.value };
  }
}

export class FixedKlController implements KlController {
  constructor(readonly value: number) {}

  update(): void {}

  state(): KlControllerState {
    return { kind: 'fixed', value: this.value };
  }
}
