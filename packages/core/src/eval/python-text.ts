/**
 * Python string semantics the lm-eval tasks rely on, where JavaScript differs: `len` and indexing count
 * code points (not UTF-16 units), `strip()` uses Python's whitespace set, `capitalize()` lowercases the rest.
 */

// str.isspace() characters: JS `trim()` misses \x1c-\x1f and \x85, and wrongly includes \ufeff.
const pyWhitespace = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const leading = new RegExp(`^[${pyWhitespace}]+`, 'u');
const trailing = new RegExp(`[${pyWhitespace}]+$`, 'u');

export function pyStrip(text: string): string {
  return text.replace(leading, '').replace(trailing, '');
}

/** `len(text)` in Python: the number of code points. */
export function pyLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

// Characters whose titlecase differs from their uppercase (Python's capitalize uses titlecase).
const titlecase: Readonly<Record<string, string>> = {
  'ǆ': 'ǅ', 'Ǆ': 'ǅ', 'ǉ': 'ǈ', 'Ǉ': 'ǈ', 'ǌ': 'ǋ', 'Ǌ': 'ǋ', 'ǳ': 'ǲ', 'Ǳ': 'ǲ', 'ß': 'Ss',
};

/** `text.capitalize()`: first code point titlecased, the rest lowercased. */
export function pyCapitalize(text: string): string {
  const [first, ...rest] = Array.from(text);
  if (first === undefined) return '';
  return (titlecase[first] ?? first.toUpperCase()) + rest.join('').toLowerCase();
}

/** `text[0].lower() + text[1:]` (COPA's convert_choice). */
export function pyLowerFirst(text: string): string {
  const [first, ...rest] = Array.from(text);
  return first === undefined ? '' : first.toLowerCase() + rest.join('');
}

/** `text[:-1]`: drops the last code point. */
export function pyDropLast(text: string): string {
  return Array.from(text).slice(0, -1).join('');
}
