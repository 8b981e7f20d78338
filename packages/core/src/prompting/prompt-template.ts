import type { NativePromptHeaders } from '../lang/language-pack';

/**
 * An Alpaca-style template: `{instruction}` and `{input}` are filled in once (text that itself contains
 * "{input}" is left alone); the model's reply follows the first `responseMarker`.
 */
export interface PromptTemplate {
  /** 'okapi' or 'native:<code>'. */
  readonly id: string;
  readonly withInput: string;
  readonly withoutInput: string;
  /** '### Response:'; the reply is what follows its first occurrence. */
  readonly responseMarker: string;
}

/** Okapi's English Alpaca template, used for every language (OKAPI-FACTS.md, byte for byte). */
export const okapiPromptTemplate: PromptTemplate = {
  id: 'okapi',
  withInput:
    'Below is an instruction that describes a task, paired with an input that provides further context. '
    + 'Write a response that appropriately completes the request.\n\n'
    + '### Instruction:\n{instruction}\n\n### Input:\n{input}\n\n### Response:\n',
  withoutInput:
    'Below is an instruction that describes a task. Write a response that appropriately completes the request.\n\n'
    + '### Instruction:\n{instruction}\n\n### Response:\n',
  responseMarker: '### Response:',
};

/** A pack's native template, laid out exactly like Okapi's English one. */
export function nativePromptTemplate(code: string, headers: NativePromptHeaders): PromptTemplate {
  const section = (header: string, slot: string): string => `### ${header}:\n${slot}`;
  return {
    id: `native:${code}`,
    withInput: `${headers.preambleWithInput}\n\n${section(headers.instruction, '{instruction}')}\n\n`
      + `${section(headers.input, '{input}')}\n\n### ${headers.response}:\n`,
    withoutInput: `${headers.preambleWithoutInput}\n\n${section(headers.instruction, '{instruction}')}\n\n### ${headers.response}:\n`,
    responseMarker: `### ${headers.response}:`,
  };
}
