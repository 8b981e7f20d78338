import { ChatPipeline, OkapiError, resolveUserPath, type CommandDescriptor } from '@okapi/core';
import { chatOptionsFrom, samplingFlags } from './sampling-flags';

/** `okapi generate`: one generation, for scripts and for checking against other implementations. */
export const generateCommand: CommandDescriptor = {
  name: 'generate',
  summary: 'Generate one reply (Okapi prompt, or --raw text) and print it, or JSON with --json',
  examples: [
    'okapi generate --model runs/demo-vi/sft/final --prompt "Cộng hai số sau." --input "2 3" --greedy',
    'okapi generate --model ./okapi-vi-bloom --prompt "Hello" --raw --greedy --max-new-tokens 8 --json',
  ],
  options: [
    ...samplingFlags,
    { flags: '--prompt <text>', description: 'the instruction (or, with --raw, the exact model input)' },
    { flags: '--input <text>', description: 'optional input for the instruction (Okapi template with input)' },
    { flags: '--raw', description: 'send --prompt to the model as is, without the Okapi template' },
  ],
  async run({ scope, out, options }) {
    const model = options.model as string | undefined;
    const prompt = options.prompt as string | undefined;
    if (model === undefined || prompt === undefined) {
      throw new OkapiError(`Missing ${model === undefined ? '--model' : '--prompt'}.`, { hint: 'Example: okapi generate --model DIR --prompt "Hello" --greedy' });
    }
    const pipeline = await ChatPipeline.load(scope, resolveUserPath(scope, model));
    const request = options.raw === true ? { raw: prompt } : { instruction: prompt, input: options.input as string | undefined };
    const reply = await pipeline.generate(request, { ...chatOptionsFrom(options), seed: scope.config.seed });
    if (out.jsonMode) {
      out.json({ prompt_ids: reply.promptIds, output_ids: reply.outputIds, text: reply.text, response: reply.response, stop_reason: reply.stopReason, tokens_per_second: reply.tokensPerSecond });
    } else {
      out.print(options.raw === true ? reply.text : reply.response);
    }
  },
};
