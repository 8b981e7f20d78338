import { Template } from '@huggingface/jinja';
import { OkapiError } from '../errors/okapi-error';
import type { ChatMessage } from './tokenizer';

/** Compiled chat templates, keyed by source text (templates are parsed once per process). */
const compiled = new Map<string, Template>();

function compile(source: string): Template {
  let template = compiled.get(source);
  if (template === undefined) {
    try {
      template = new Template(source);
    } catch (cause) {
      throw new OkapiError(`The chat_template in tokenizer_config.json does not parse: ${(cause as Error).message}`, { cause });
    }
    compiled.set(source, template);
  }
  return template;
}

/** Renders an HF chat template with the variables transformers passes (messages, special tokens, add_generation_prompt). */
export function renderChatTemplate(
  source: string | undefined,
  messages: readonly ChatMessage[],
  variables: { bos_token?: string; eos_token?: string; pad_token?: string; unk_token?: string; add_generation_prompt: boolean },
): string {
  if (source === undefined) {
    throw new OkapiError('This tokenizer has no chat_template', {
      hint: 'Okapi models use the Alpaca prompt (see prompting/); add "chat_template" to tokenizer_config.json to chat with a template.',
    });
  }
  try {
    return compile(source).render({ messages: messages.map((m) => ({ ...m })), ...variables });
  } catch (cause) {
    if (cause instanceof OkapiError) throw cause;
    throw new OkapiError(`Rendering the chat template failed: ${(cause as Error).message}`, { cause });
  }
}
