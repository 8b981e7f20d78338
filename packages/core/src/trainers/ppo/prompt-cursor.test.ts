import { PromptCursor } from './prompt-cursor';

describe(PromptCursor.name, () => {
  const prompts = ['a', 'b', 'c', 'd', 'e'];

  it('visits every prompt once per pass, reshuffling between passes', () => {
    const sut = new PromptCursor(prompts, 0);
    const first = sut.take(5);
    const second = sut.take(5);
    expect([...first].sort()).toEqual(prompts);
    expect([...second].sort()).toEqual(prompts);
    expect(second).not.toEqual(first);
  });

  it('continues from a saved position exactly as the uninterrupted cursor', () => {
    const straight = new PromptCursor(prompts, 7);
    const all = [...straight.take(3), ...straight.take(6)];
    const resumed = new PromptCursor(prompts, 7, 3);
    expect(resumed.take(6)).toEqual(all.slice(3));
    expect(resumed.position).toBe(9);
  });

  it('takeGroups: k copies of each prompt in a row, the cursor advancing by rollouts / k prompts', () => {
    const grouped = new PromptCursor(prompts, 7);
    const plain = new PromptCursor(prompts, 7);
    const rollouts = grouped.takeGroups(8, 4);
    expect(grouped.position).toBe(2);
    const [first, second] = plain.take(2);
    expect(rollouts).toEqual([first, first, first, first, second, second, second, second]);
    expect(grouped.takeGroups(6, 2)).toEqual(plain.take(3).flatMap((p) => [p, p]));
    expect(grouped.position).toBe(5);
    expect(() => grouped.takeGroups(6, 4)).toThrow(/groups of 4/);
  });
});
