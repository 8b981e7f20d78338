import { JsonArrayScanner, JsonStructureError } from './json-array-scanner';

/** Feeds `text` in chunks of `size` bytes and parses each element found. */
function scan(text: string, size: number): { values: unknown[]; lines: number[] } {
  const sut = new JsonArrayScanner();
  const bytes = Buffer.from(text, 'utf8');
  const values: unknown[] = [];
  const lines: number[] = [];
  for (let i = 0; i < bytes.length; i += size) {
    for (const e of sut.push(bytes.subarray(i, i + size))) {
      values.push(JSON.parse(Buffer.concat(e.parts).toString('utf8')));
      lines.push(e.line);
    }
  }
  sut.finish();
  return { values, lines };
}

describe(JsonArrayScanner.name, () => {
  const tricky = [
    { instruction: 'quote " and backslash \\ and ] } , [ {', input: '', output: 'end\\' },
    { instruction: 'unicode 越南 ✓ \u00e9', input: 'x\ny', output: '\\"' },
    [1, [2, { a: ']' }]], 'a string element', 42, null,
  ];
  const text = `[\n${tricky.map((v) => JSON.stringify(v, null, 2)).join(',\n')}\n]\n`;

  it.each([1, 2, 3, 7, 64, 1 << 20])('splits the elements exactly as JSON.parse does (chunk size %i)', (size) => {
    expect(scan(text, size).values).toEqual(JSON.parse(text));
  });

  it('reports the line where each element starts', () => {
    const { lines } = scan('[\n{"a": 1},\n{\n"b": 2\n},\n3]', 5);
    expect(lines).toEqual([2, 3, 6]);
  });

  it('accepts an empty array', () => {
    expect(scan(' [ ] ', 1).values).toEqual([]);
  });

  it.each([
    ['{"a": 1}', /top-level value is an object/],
    ['"text"', /top-level value is '"'/],
    ['[{"a": 1},, {"b": 2}]', /empty element/],
    ['[{"a": 1},]', /empty element/],
    ['[{"a": 1}, {"b": ', /ends inside the array/],
    ['[1] [2]', /after the closing/],
    ['   ', /no JSON array/],
  ])('rejects %s', (input, message) => {
    expect(() => scan(input, 3)).toThrow(JsonStructureError);
    expect(() => scan(input, 3)).toThrow(message);
  });
});
