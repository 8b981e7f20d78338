import { pyCapitalize, pyDropLast, pyLength, pyLowerFirst, pyStrip } from './python-text';

// Expected values are what CPython 3.11 prints for the same expressions.
describe('python string semantics', () => {
  it('strip() uses Python whitespace, not JavaScript trim()', () => {
    expect(pyStrip('\x1f\x85 a b \t\n')).toBe('a b');
    expect(pyStrip('\ufeffa')).toBe('\ufeffa');
  });

  it('len() counts code points', () => {
    expect(pyLength('𝐀b')).toBe(2);
    expect(pyLength('Việt')).toBe(4);
  });

  it('capitalize() titlecases the first character and lowercases the rest', () => {
    expect(pyCapitalize('then he SAYS')).toBe('Then he says');
    expect(pyCapitalize('ǆungla')).toBe('ǅungla');
    expect(pyCapitalize('ßa')).toBe('Ssa');
    expect(pyCapitalize('')).toBe('');
  });

  it('convert_choice and [:-1] work on code points', () => {
    expect(pyLowerFirst('Èlla')).toBe('èlla');
    expect(pyDropLast('ab𝐀')).toBe('ab');
  });
});
