import type { PromptTemplate } from './prompt-template';

/** One instruction record, as in Okapi's data files. */
export interface InstructionRecord {
  readonly instruction: string;
  /** Empty or missing: the template without the input section is used. */
  readonly input?: string;
  readonly output?: string;
}

/** Okapi's Prompter: renders prompts, builds training text and splits the reply out of generated text. */
export class Prompter {
  constructor(readonly template: PromptTemplate) {}

  /** The prompt the model continues from. */
  render(record: Pick<InstructionRecord, 'instruction' | 'input'>): string {
    const input = record.input ?? '';
    const template = input.length > 0 ? this.template.withInput : this.template.withoutInput;
    // one pass, so an instruction containing "{input}" is not filled in again
    return template.replace(/\{(instruction|input)\}/g, (_, slot: string) => (slot === 'instruction' ? record.instruction : input));
  }

  /** Prompt followed directly by the gold output (what SFT trains on). */
  trainingText(record: InstructionRecord): string {
    return this.render(record) + (record.output ?? '');
  }

  /** The text after the first response marker, stripped; '' when the marker is absent. */
  splitResponse(generated: string): string {
    const at = generated.indexOf(this.template.responseMarker);
    return at < 0 ? '' : generated.slice(at + this.template.responseMarker.length).trim();
  }
}
