import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generatedDocs } from './generated-docs';

describe('generated docs', () => {
  const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

  it.each(Object.entries(generatedDocs()))('%s matches the descriptors and schemas (run `npm run docs` if not)', (file, text) => {
    expect(readFileSync(path.join(repoRoot, file), 'utf8')).toBe(text);
  });

  it('documents every core config key and every command', () => {
    const docs = generatedDocs();
    expect(docs['docs/config.md']).toContain('| `backend.device` | string | `"cpu"` |');
    expect(docs['docs/cli.md']).toContain('## `okapi info`');
  });
});
