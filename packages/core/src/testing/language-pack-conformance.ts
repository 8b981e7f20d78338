import assert from 'node:assert/strict';
import { LanguageDetector } from '../lang/language-detector';
import type { LanguagePack } from '../lang/language-pack';
import { normalizeText } from '../lang/normalize-text';
import { isKnownScript } from '../lang/script';
import { Prompter } from '../prompting/prompter';
import { selectPromptTemplate } from '../prompting/select-prompt-template';

/** One check of the suite; `run` throws an AssertionError when the pack breaks the contract. */
export interface ConformanceCase {
  readonly title: string;
  run(): void;
}

export interface LanguagePackConformanceOptions {
  /** Other installed packs the detector must tell these packs apart from (e.g. the built-in 32). */
  readonly detectionPeers?: readonly LanguagePack[];
}

const LEVELS = new Set([undefined, 'high', 'medium', 'low']);
const FAMILIES = new Set(['bloom', 'llama']);

/**
 * The checks every language pack must pass, framework-free so any runner can use them:
 * `for (const c of languagePackConformanceCases(packs)) it(c.title, () => c.run())`.
 */
export function languagePackConformanceCases(
  packs: readonly LanguagePack[],
  options: LanguagePackConformanceOptions = {},
): ConformanceCase[] {
  const peers = [...packs, ...(options.detectionPeers ?? []).filter((p) => !packs.some((q) => q.code === p.code))];
  let detector: LanguageDetector | undefined;
  const detectorOf = (): LanguageDetector => (detector ??= new LanguageDetector(peers));
  return [
    { title: 'codes and aliases are unique', run: () => assertUniqueCodes(packs) },
    ...packs.flatMap((pack) => [
      { title: `${pack.code}: code and aliases are valid BCP-47 tags`, run: () => assertValidTags(pack) },
      { title: `${pack.code}: names, scripts and Okapi metadata are well-formed`, run: () => assertMetadata(pack) },
      { title: `${pack.code}: both templates render and split back to the response`, run: () => assertTemplatesRoundTrip(pack) },
      { title: `${pack.code}: normalisation is idempotent and yields NFC`, run: () => assertNormalization(pack) },
      { title: `${pack.code}: the detector recognises the pack's sample text`, run: () => assertDetects(detectorOf(), pack) },
    ]),
  ];
}

function assertUniqueCodes(packs: readonly LanguagePack[]): void {
  const seen = new Map<string, string>();
  for (const pack of packs) {
    for (const id of [pack.code, ...(pack.aliases ?? [])].map((c) => c.toLowerCase())) {
      assert.ok(!seen.has(id), `'${id}' is used by both '${seen.get(id)}' and '${pack.code}'`);
      seen.set(id, pack.code);
    }
  }
}

function assertValidTags(pack: LanguagePack): void {
  assert.deepEqual(Intl.getCanonicalLocales(pack.code), [pack.code], `'${pack.code}' is not a canonical BCP-47 tag`);
  for (const alias of pack.aliases ?? []) {
    assert.match(alias, /^[a-z]{2,8}(-[a-z0-9]{1,8})*$/i, `alias '${alias}' of '${pack.code}' is not tag-shaped`);
  }
}

function assertMetadata(pack: LanguagePack): void {
  assert.ok(pack.name.trim() !== '' && pack.nativeName.trim() !== '', 'name and nativeName must be non-empty');
  assert.ok(pack.scripts.length > 0, 'scripts must list at least one ISO 15924 code');
  for (const s of pack.scripts) assert.ok(isKnownScript(s), `script '${s}' is not a Unicode script (ISO 15924 code such as 'Latn')`);
  assert.ok(LEVELS.has(pack.resourceLevel), `resourceLevel '${pack.resourceLevel}' is not high, medium or low`);
  for (const m of pack.okapiModels) assert.ok(FAMILIES.has(m), `okapiModels: '${m}' is not bloom or llama`);
  assert.ok(pack.samples.length > 0 && pack.samples.every((s) => s.trim() !== ''), 'samples must hold non-empty sentences');
  for (const key of ['preambleWithInput', 'preambleWithoutInput', 'instruction', 'input', 'response'] as const) {
    assert.ok(pack.prompt[key].trim() !== '', `prompt.${key} must be non-empty`);
  }
}

function assertTemplatesRoundTrip(pack: LanguagePack): void {
  const [instruction, input = 'x', output = pack.samples[0]] = pack.samples;
  for (const style of ['okapi', 'native'] as const) {
    const prompter = new Prompter(selectPromptTemplate(pack, style));
    for (const record of [{ instruction, input, output }, { instruction, input: '', output }]) {
      const prompt = prompter.render(record);
      assert.ok(prompt.includes(instruction), `${style} prompt lost the instruction`);
      assert.ok(record.input === '' || prompt.includes(input), `${style} prompt lost the input`);
      assert.equal(prompter.splitResponse(prompter.trainingText(record)), output.trim(), `${style} template does not split back`);
      assert.equal(prompter.splitResponse(prompt), '', `${style} prompt alone must split to ''`);
    }
  }
}

function assertNormalization(pack: LanguagePack): void {
  const texts = [...pack.samples, pack.prompt.preambleWithInput, pack.nativeName];
  for (const text of [...texts, ...texts.map((t) => t.normalize('NFD'))]) {
    const once = normalizeText(text, pack.normalization);
    assert.equal(normalizeText(once, pack.normalization), once, `normalising twice changes '${text}'`);
    if ((pack.normalization?.form ?? 'NFC') === 'NFC') assert.equal(once, once.normalize('NFC'), 'normalised text is not NFC');
  }
}

function assertDetects(detector: LanguageDetector, pack: LanguagePack): void {
  const text = pack.samples.join(' ');
  const result = detector.detect(text);
  assert.equal(result.code, pack.code, `samples detected as '${result.code}' (candidates: ${
    result.candidates.slice(0, 3).map((c) => `${c.code} ${c.probability.toFixed(2)}`).join(', ')})`);
}
