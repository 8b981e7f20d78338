/** A language, as data plus small pure functions. (Completed by the language-pack work.) */
export interface LanguagePack {
  /** BCP-47 code, e.g. 'vi'. */
  readonly code: string;
  /** English name, e.g. 'Vietnamese'. */
  readonly name: string;
}
