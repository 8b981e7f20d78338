import { countScripts, isKnownScript, lettersInScripts, unicodeScriptsOf } from './script';

describe('scripts', () => {
  it('counts letters per script and in all', () => {
    const { counts, letters } = countScripts('Hi Мир 123 中', ['Latn', 'Cyrl']);
    expect(Object.fromEntries(counts)).toEqual({ Latn: 2, Cyrl: 3 });
    expect(letters).toBe(6);
  });

  it('does not count combining marks of no script as letters', () => {
    expect(countScripts('e\u0301', ['Latn']).letters).toBe(1);
  });

  it('knows Unicode scripts and the composite ISO 15924 codes', () => {
    expect(isKnownScript('Deva')).toBe(true);
    expect(isKnownScript('Jpan')).toBe(true);
    expect(isKnownScript('Latin1')).toBe(false);
    expect(unicodeScriptsOf('Jpan')).toEqual(['Hani', 'Hira', 'Kana']);
  });

  it('keeps only the letters of the given scripts', () => {
    expect(lettersInScripts('ab Мир!', ['Cyrl'])).toBe('   Мир ');
  });
});
