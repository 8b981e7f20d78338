import type { DeviceTensor } from '../../backend/tensor-backend';
import type { PaddedPrompts } from '../../generation/generate-model';
import { graphNames } from '../graph/build-graphs';

/**
 * Host-side bookkeeping of one batch's static cache: which slots hold real tokens, the next slot to
 * write, each row's next position, and the device tensors of the per-layer caches.
 */
export class KvCacheState {
  private caches: Record<string, DeviceTensor> = {};

  private constructor(
    readonly prefillIds: number[][],
    readonly prefillMask: number[][],
    readonly cacheMask: number[][],
    private readonly nextPositions: number[],
    public nextSlot: number,
  ) {}

  /** Left-pads prompts further to the bucket length `seq`; the cache mask covers `maxLength` slots. */
  static leftPadded(prompts: PaddedPrompts, seq: number, maxLength: number): KvCacheState {
    const extra = seq - (prompts.inputIds[0]?.length ?? 0);
    const ids = prompts.inputIds.map((row) => [...new Array<number>(extra).fill(0), ...row]);
    const mask = prompts.attentionMask.map((row) => [...new Array<number>(extra).fill(0), ...row]);
    const cacheMask = mask.map((row) => [...row, ...new Array<number>(maxLength - seq).fill(0)]);
    const positions = mask.map((row) => row.reduce((a, b) => a + b, 0));
    return new KvCacheState(ids, mask, cacheMask, positions, seq);
  }

  /** Claims the next slot for one token per row; returns the slot and each row's position. */
  append(): { slot: number; positions: number[] } {
    const slot = this.nextSlot++;
    for (const row of this.cacheMask) row[slot] = 1;
    const positions = [...this.nextPositions];
    for (let i = 0; i < this.nextPositions.length; i++) this.nextPositions[i]++;
    return { slot, positions };
  }

  /** The past caches as decode-graph feeds. */
  cacheFeeds(): Record<string, DeviceTensor> {
    return this.caches;
  }

  /** Takes the `present.*` outputs of a step as the new caches, freeing the old ones. */
  replaceCaches(outputs: Record<string, DeviceTensor>, layers: number): void {
    const next: Record<string, DeviceTensor> = {};
    for (let layer = 0; layer < layers; layer++) {
      next[graphNames.pastKey(layer)] = outputs[graphNames.presentKey(layer)];
      next[graphNames.pastValue(layer)] = outputs[graphNames.presentValue(layer)];
    }
    this.dispose();
    this.caches = next;
  }

  dispose(): void {
    for (const t of Object.values(this.caches)) t.dispose();
    this.caches = {};
  }
}
