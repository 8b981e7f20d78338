import { container, type DependencyContainer } from 'tsyringe';
import { LanguagePackContribution } from '../di/contributions';
import { UnknownContributionError } from '../errors/unknown-contribution-error';
import { LanguageRegistry } from './language-registry';
import { testPack } from './__tests__/test-packs';

const japanese = testPack('ja', ['Jpan'], 'これはペンです', { aliases: ['jp'], name: 'Japanese' });
const portuguese = testPack('pt', ['Latn'], 'o gato', { name: 'Portuguese' });
const vietnamese = testPack('vi', ['Latn'], 'con mèo', { name: 'Vietnamese', nativeName: 'Tiếng Việt' });

describe(LanguageRegistry.name, () => {
  let c: DependencyContainer;

  beforeEach(() => {
    c = container.createChildContainer();
  });

  afterEach(async () => {
    await c.dispose();
  });

  function withPacks(): LanguageRegistry {
    for (const pack of [vietnamese, japanese, portuguese]) c.register(LanguagePackContribution, { useValue: pack });
    return c.resolve(LanguageRegistry);
  }

  it('resolves with no packs installed', () => {
    expect(c.resolve(LanguageRegistry).all()).toEqual([]);
  });

  it("resolves codes, Okapi's 'jp' alias, any case, and BCP-47 fallback", () => {
    const sut = withPacks();
    expect(sut.get('vi')).toBe(vietnamese);
    expect(sut.get('jp')).toBe(japanese);
    expect(sut.get('JA')).toBe(japanese);
    expect(sut.get('pt-BR')).toBe(portuguese);
    expect(sut.get('pt_PT')).toBe(portuguese);
    expect(sut.all().map((p) => p.code)).toEqual(['ja', 'pt', 'vi']);
  });

  it("maps Okapi's 'jp' to 'ja' even when the pack declares no alias", () => {
    const plainJapanese = testPack('ja', ['Jpan'], 'これはペンです');
    c.register(LanguagePackContribution, { useValue: plainJapanese });
    expect(c.resolve(LanguageRegistry).get('jp')).toBe(plainJapanese);
  });

  it('answers an unknown code with the installed ones and a did-you-mean', () => {
    const sut = withPacks();
    expect(() => sut.get('jq')).toThrow(UnknownContributionError);
    expect(() => sut.get('jq')).toThrow("Unknown language 'jq'. Did you mean 'ja'? Installed languages: ja, pt, vi, jp.");
  });

  it('hints at the code when given a language name', () => {
    const sut = withPacks();
    try {
      sut.get('Tiếng Việt');
      throw new Error('expected an error');
    } catch (error) {
      expect((error as UnknownContributionError).hint).toContain("use the code, e.g. `--lang vi`");
    }
  });

  it('hints at the language of a country code', () => {
    const sut = withPacks();
    expect(() => sut.get('vn')).toThrow(expect.objectContaining({ hint: "'vn' looks like a country code; the language code for Vietnamese is 'vi'." }));
  });

  it('builds one detector over the installed packs', () => {
    const sut = withPacks();
    expect(sut.detector()).toBe(sut.detector());
    expect(sut.detector().detect('これはペンです').code).toBe('ja');
  });
});
