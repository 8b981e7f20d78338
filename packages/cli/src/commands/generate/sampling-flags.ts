import type { ChatOptions, CliOption } from '@okapi/core';

/** Generation flags shared by `okapi generate` and `okapi chat` (Okapi's defaults when not given). */
export const samplingFlags: readonly CliOption[] = [
  { flags: '--model <dir>', description: 'model directory (Hugging Face layout)' },
  { flags: '--max-new-tokens <n>', description: "tokens to generate at most (default 256, or fewer when the prompt leaves less of the model's context)", parse: 'int' },
  { flags: '--greedy', description: 'greedy decoding instead of sampling' },
  { flags: '--temperature <t>', description: 'sampling temperature (default 1)', parse: 'float' },
  { flags: '--top-k <k>', description: 'keep the k most likely tokens (default 40; 0 = off)', parse: 'int' },
  { flags: '--top-p <p>', description: 'nucleus sampling mass (default 0.75; 1 = off)', parse: 'float' },
  { flags: '--repetition-penalty <r>', description: 'penalise repeated tokens (default 1 = off)', parse: 'float' },
  { flags: '--stop <text>', description: 'stop when this text appears (repeatable, comma-separated)', parse: 'list' },
];

export function chatOptionsFrom(options: Readonly<Record<string, unknown>>): ChatOptions {
  return {
    maxNewTokens: options.maxNewTokens as number | undefined,
    doSample: options.greedy === true ? false : undefined,
    temperature: options.temperature as number | undefined,
    topK: options.topK as number | undefined,
    topP: options.topP as number | undefined,
    repetitionPenalty: options.repetitionPenalty as number | undefined,
    stopStrings: options.stop as string[] | undefined,
  };
}
