import { shuffled } from '../../data/split';
import { repeatEach } from './group-baseline';

/**
 * The data cursor of a PPO run: prompts are drawn in a seeded order, reshuffled every pass over the
 * data, so `take(n)` from a saved position continues exactly as the uninterrupted run would.
 */
export class PromptCursor<T> {
  private pass = -1;
  private order: T[] = [];

  constructor(private readonly prompts: readonly T[], private readonly seed: number, public position = 0) {
    if (prompts.length === 0) throw new RangeError('PromptCursor needs at least one prompt');
  }

  take(n: number): T[] {
    const out: T[] = [];
    for (let i = 0; i < n; i++, this.position++) {
      const pass = Math.floor(this.position / this.prompts.length);
      if (pass !== this.pass) [this.pass, this.order] = [pass, shuffled(this.prompts, `${this.seed}/ppo/pass-${pass}`)];
      out.push(this.order[this.position % this.prompts.length]!);
    }
    return out;
  }

  /**
   * An iteration's rollout prompts: `rollouts / k` prompts, each listed k times in a row. The cursor
   * (the resume position) counts prompts, so it advances by rollouts / k.
   */
  takeGroups(rollouts: number, k: number): T[] {
    if (rollouts % k !== 0) throw new RangeError(`${rollouts} rollouts do not split into groups of ${k}`);
    return repeatEach(this.take(rollouts / k), k);
  }
}
