import { readFileSync } from 'node:fs';
import path from 'node:path';
import { LanguageRegistry, UnknownContributionError } from '@okapi/core';
import { createTestScope, type TestScope } from '@okapi/core/testing';
import langPacksPlugin from './plugin';

describe('@okapi/lang-packs plugin', () => {
  let sut: TestScope;

  beforeEach(() => {
    sut = createTestScope({ plugins: [langPacksPlugin] });
  });

  afterEach(async () => {
    await sut.dispose();
  });

  it('registers 32 language packs through register(r), resolvable by LanguageRegistry', () => {
    const registry = sut.scope.resolve(LanguageRegistry);
    expect(registry.all()).toHaveLength(32);
    expect(registry.get('vi').nativeName).toBe('Tiếng Việt');
    expect(registry.get('pt-BR').code).toBe('pt');
  });

  it('reports the meta name and the version from package.json', () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { name: string; version: string };
    expect(langPacksPlugin.meta).toEqual({ name: pkg.name, version: pkg.version });
  });

  it('answers an unknown language with the installed codes and a did-you-mean', () => {
    const registry = sut.scope.resolve(LanguageRegistry);
    expect(() => registry.get('viet')).toThrow(UnknownContributionError);
    expect(() => registry.get('ukr')).toThrow(/Did you mean 'uk'\?.*Installed languages: .*\bvi\b/);
  });

  it('marks the 14 languages with Okapi LLaMA checkpoints (OKAPI-FACTS.md)', () => {
    const llama = sut.scope.resolve(LanguageRegistry).all().filter((p) => p.okapiModels.includes('llama')).map((p) => p.code);
    expect(llama.sort()).toEqual('ru de fr es it nl hu ro da sk uk ca sr hr'.split(' ').sort());
  });
});
