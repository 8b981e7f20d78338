import type { NgramProfile } from './ngram-profile';
import type { NormalizationOptions } from './normalize-text';
import type { ScriptCode } from './script';

/** Okapi's resource levels (OKAPI-FACTS.md). English and the eval-only languages have none. */
export type ResourceLevel = 'high' | 'medium' | 'low';

/** Model families Okapi released instruction-tuned checkpoints for. */
export type OkapiModelFamily = 'bloom' | 'llama';

/**
 * The headers of a pack's native Alpaca-style template. Core renders them exactly like Okapi's English
 * template: `{preamble}\n\n### {instruction}:\n…\n\n### {input}:\n…\n\n### {response}:\n`.
 */
export interface NativePromptHeaders {
  /** "Below is an instruction … paired with an input …", in the language. */
  readonly preambleWithInput: string;
  /** "Below is an instruction that describes a task. …", in the language. */
  readonly preambleWithoutInput: string;
  /** The word for "Instruction" (without '### ' and ':'). */
  readonly instruction: string;
  readonly input: string;
  readonly response: string;
}

/** What the detector needs from a pack: its scripts (from `scripts`) and a character n-gram profile. */
export interface LanguageDetection {
  /**
   * Character 1–3-gram counts from a corpus in the language (see `buildNgramProfile`). Without one the
   * detector builds a profile from `samples`, which is enough only to tell scripts apart.
   */
  readonly profile?: NgramProfile;
}

/** A language, as data plus small pure functions. Rendering and detection logic live once, in core. */
export interface LanguagePack {
  /** BCP-47 code, e.g. 'vi'. Unique among installed packs. */
  readonly code: string;
  /** Other codes that resolve to this pack, e.g. Okapi's file name 'jp' for 'ja'. */
  readonly aliases?: readonly string[];
  /** English name, e.g. 'Vietnamese'. */
  readonly name: string;
  /** The language's name for itself, e.g. 'Tiếng Việt'. */
  readonly nativeName: string;
  /** ISO 15924 scripts the language is written in, the usual one first. */
  readonly scripts: readonly ScriptCode[];
  readonly direction?: 'ltr' | 'rtl';
  /** Okapi's resource level; undefined for languages outside Okapi's 26. */
  readonly resourceLevel?: ResourceLevel;
  /** Families with a released Okapi checkpoint for this language. */
  readonly okapiModels: readonly OkapiModelFamily[];
  /** Eval task ids that have data in this language ('arc', 'hellaswag', 'mmlu', 'xcopa'). */
  readonly evalTasks: readonly string[];
  /** Native-language template headers, used when config says `prompt: 'native'`. */
  readonly prompt: NativePromptHeaders;
  /** How text in this language is normalised (Unicode NFC at least). */
  readonly normalization?: NormalizationOptions;
  readonly detection?: LanguageDetection;
  /** A few natural sentences in the language: previews, conformance, and the profile fallback. */
  readonly samples: readonly string[];
}
