import type { LanguagePack } from '../lang/language-pack';
import { nativePromptTemplate, okapiPromptTemplate, type PromptTemplate } from './prompt-template';

/** The prompt styles config can ask for (`prompt: 'okapi' | 'native'`). */
export type PromptStyle = 'okapi' | 'native';

/** Okapi's English template, or the pack's native one. */
export function selectPromptTemplate(pack: LanguagePack, style: PromptStyle): PromptTemplate {
  return style === 'native' ? nativePromptTemplate(pack.code, pack.prompt) : okapiPromptTemplate;
}
