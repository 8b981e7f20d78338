import { createInterface } from 'node:readline';
import pc from 'picocolors';
import { ChatPipeline, OkapiError, resolveUserPath, type CommandDescriptor } from '@okapi/core';
import { chatOptionsFrom, samplingFlags } from '../generate/sampling-flags';
import { readTurns } from './read-turns';

/** `okapi chat`: interactive Okapi chat (single turn, as Okapi), streaming tokens and showing tokens/s. */
export const chatCommand: CommandDescriptor = {
  name: 'chat',
  summary: 'Chat with a model interactively (streams tokens; /reset, /exit; end a line with \\ to continue it)',
  examples: ['okapi chat --model runs/demo-vi/sft/final --lang vi', 'okapi chat --model ./okapi-vi-bloom --lang vi --greedy'],
  options: samplingFlags,
  async run({ scope, out, options, signal }) {
    const model = options.model as string | undefined;
    if (model === undefined) throw new OkapiError('Missing --model.', { hint: 'Example: okapi chat --model runs/demo-vi/sft/final --lang vi' });
    const pipeline = await ChatPipeline.load(scope, resolveUserPath(scope, model));
    const interactive = process.stdin.isTTY === true;
    out.info(pc.dim(`${model} · ${scope.config.lang} · Okapi prompt '${scope.config.prompt}'. Type a message; /reset clears, /exit quits.`));
    const lines = createInterface({ input: process.stdin, terminal: interactive });
    const write = (text: string) => process.stdout.write(text);
    for await (const turn of readTurns(lines, () => interactive && write(pc.green('you › ')))) {
      if (signal.aborted || turn === '/exit') break;
      if (turn === '/reset') { write(pc.dim('(conversation reset)\n')); continue; }
      write(pc.cyan('okapi › '));
      const reply = await pipeline.generate({ instruction: turn }, { ...chatOptionsFrom(options), onText: write });
      write(`\n${pc.dim(`${reply.outputIds.length} tokens, ${reply.tokensPerSecond.toFixed(1)} tokens/s`)}\n`);
    }
    lines.close();
  },
};
