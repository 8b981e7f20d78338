import { inject, injectable } from 'tsyringe';
import type { OkapiConfig } from '../config/core-schema';
import { Config } from '../di/run-tokens';
import { LanguageRegistry } from '../lang/language-registry';
import { Prompter } from './prompter';
import { selectPromptTemplate, type PromptStyle } from './select-prompt-template';

/** Builds the Prompter a run needs from config (`lang`, `prompt`) and the installed language packs. */
@injectable()
export class PrompterFactory {
  constructor(
    @inject(Config) private readonly config: OkapiConfig,
    @inject(LanguageRegistry) private readonly languages: LanguageRegistry,
  ) {}

  /** The prompter for `lang` (default: config's) in `style` (default: config's `prompt`). */
  create(lang: string = this.config.lang, style: PromptStyle = this.config.prompt): Prompter {
    return new Prompter(selectPromptTemplate(this.languages.get(lang), style));
  }
}
