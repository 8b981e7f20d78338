import { normalizeText } from './normalize-text';

describe(normalizeText.name, () => {
  it('composes to NFC by default', () => {
    expect(normalizeText('Vie\u0323\u0302t')).toBe('Việt');
  });

  it('removes Arabic tatweel and, only when asked, harakat', () => {
    const text = 'كـــتَب';
    expect(normalizeText(text, { removeTatweel: true })).toBe('كتَب');
    expect(normalizeText(text, { removeTatweel: true, removeArabicDiacritics: true })).toBe('كتب');
    expect(normalizeText(text)).toBe(text);
  });

  it('leaves Devanagari and Malayalam (with joiners) intact', () => {
    for (const text of ['हिन्दी', 'ക്‍', 'इन्‌पुट']) expect(normalizeText(text)).toBe(text);
  });

  it('removes zero-width characters only when asked', () => {
    expect(normalizeText('a\u200bb', { removeZeroWidth: true })).toBe('ab');
  });

  it.each(['Việt', 'e\u0301', 'ﬁ', 'كـَ'])('is idempotent on %j', (text) => {
    const options = { form: 'NFKC' as const, removeTatweel: true, removeArabicDiacritics: true };
    const once = normalizeText(text, options);
    expect(normalizeText(once, options)).toBe(once);
  });
});
