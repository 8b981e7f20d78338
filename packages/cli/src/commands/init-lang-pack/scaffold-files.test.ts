import { langPackSpec } from './lang-pack-spec';
import { scaffoldFiles } from './scaffold-files';

describe(langPackSpec.name, () => {
  it("takes names and the likely script from Node's CLDR data", () => {
    expect(langPackSpec('am')).toEqual({ code: 'am', name: 'Amharic', nativeName: 'አማርኛ', script: 'Ethi', direction: 'ltr' });
    expect(langPackSpec('ckb').direction).toBe('rtl');
  });

  it('canonicalises the tag and lets flags override', () => {
    expect(langPackSpec('SR-latn', { name: 'Serbian (Latin)' })).toMatchObject({ code: 'sr-Latn', name: 'Serbian (Latin)', script: 'Latn' });
  });

  it('rejects a malformed tag with a hint', () => {
    expect(() => langPackSpec('not a tag')).toThrow(/not a valid BCP-47 language tag/);
  });
});

describe(scaffoldFiles.name, () => {
  const sut = scaffoldFiles(langPackSpec('sw'), '0.1.0');

  it('writes a plugin package with pack, test and README', () => {
    expect(Object.keys(sut).sort()).toEqual(['README.md', 'index.mjs', 'pack.mjs', 'package.json', 'test/pack.test.mjs']);
    const pkg = JSON.parse(sut['package.json']) as Record<string, unknown>;
    expect(pkg).toMatchObject({ name: 'okapi-lang-sw', type: 'module', exports: './index.mjs', peerDependencies: { '@okapi/core': '^0.1.0' } });
  });

  it('escapes quotes in names inside the generated source', () => {
    const files = scaffoldFiles({ code: 'xx', name: "O'Test", nativeName: "it's", script: 'Latn', direction: 'ltr' }, '0.1.0');
    expect(files['pack.mjs']).toContain("name: 'O\\'Test',");
  });
});
