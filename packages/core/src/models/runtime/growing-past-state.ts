import type { DeviceTensor } from '../../backend/tensor-backend';
import type { PaddedPrompts } from '../../generation/generate-model';
import { graphNames } from '../graph/build-graphs';

/**
 * One batch of a growing-past decoder: the attention mask over every token so far (pads 0), each
 * row's position count, and the per-layer past caches (the previous call's presents).
 */
export class GrowingPastState {
  private past: Record<string, DeviceTensor> = {};

  private constructor(readonly mask: number[][]) {}

  /** Left-padded prompts with empty (length 0) caches from `emptyCache(layer)`. */
  static start(prompts: PaddedPrompts, layers: number, emptyCache: () => DeviceTensor): GrowingPastState {
    const state = new GrowingPastState(prompts.attentionMask.map((row) => [...row]));
    for (let layer = 0; layer < layers; layer++) {
      state.past[graphNames.pastKey(layer)] = emptyCache();
      state.past[graphNames.pastValue(layer)] = emptyCache();
    }
    return state;
  }

  /** Tokens so far (past + the ones being fed). */
  get length(): number {
    return this.mask[0]?.length ?? 0;
  }

  /** One more real token per row. */
  append(): void {
    for (const row of this.mask) row.push(1);
  }

  /** Positions of each row's last `count` tokens, counted over real tokens (0 on pads), as HF's generate does. */
  positions(count: number): number[][] {
    return this.mask.map((row) => {
      let seen = 0;
      return row.map((m) => (m === 0 ? 0 : seen++)).slice(row.length - count);
    });
  }

  pastFeeds(): Record<string, DeviceTensor> {
    return this.past;
  }

  /** Takes a call's `present.*` outputs as the next past, freeing the old one. */
  replacePast(outputs: Record<string, DeviceTensor>, layers: number): void {
    const next: Record<string, DeviceTensor> = {};
    for (let layer = 0; layer < layers; layer++) {
      next[graphNames.pastKey(layer)] = outputs[graphNames.presentKey(layer)]!;
      next[graphNames.pastValue(layer)] = outputs[graphNames.presentValue(layer)]!;
    }
    this.dispose();
    this.past = next;
  }

  dispose(): void {
    for (const t of Object.values(this.past)) t.dispose();
    this.past = {};
  }
}
