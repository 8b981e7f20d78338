import type { PaddedPrompts } from './generate-model';

/** Left-pads prompts to the longest one, so every row's last token sits in the last column. */
export function leftPadPrompts(prompts: readonly (readonly number[])[], padId: number): PaddedPrompts {
  const longest = Math.max(0, ...prompts.map((p) => p.length));
  return {
    inputIds: prompts.map((p) => [...new Array<number>(longest - p.length).fill(padId), ...p]),
    attentionMask: prompts.map((p) => [...new Array<number>(longest - p.length).fill(0), ...p.map(() => 1)]),
  };
}
