import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeModelFolderFiles } from './export-folder';

describe('writeModelFolderFiles', () => {
  let root: string;
  let src: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'okapi-export-folder-'));
    src = path.join(root, 'model');
    writeModelSource(src);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function writeModelSource(dir: string) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ model_type: 'llama', bos_token_id: 1, eos_token_id: 2, 'transformers.js_config': { dtype: 'fp32' } }));
    writeFileSync(path.join(dir, 'tokenizer.json'), '{"model":{}}');
    writeFileSync(path.join(dir, 'tokenizer_config.json'), '{}');
    chmodSync(path.join(dir, 'tokenizer.json'), 0o444); // fixtures are read-only
  }

  it('writes config (external data flagged, other transformers.js keys kept), a generation config from it, and the tokenizer', async () => {
    const out = path.join(root, 'out');
    expect(await writeModelFolderFiles(src, out, true)).toEqual(['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json']);
    const config = JSON.parse(readFileSync(path.join(out, 'config.json'), 'utf8'));
    expect(config['transformers.js_config']).toEqual({ dtype: 'fp32', use_external_data_format: true });
    expect(JSON.parse(readFileSync(path.join(out, 'generation_config.json'), 'utf8'))).toEqual({ bos_token_id: 1, eos_token_id: 2 });
    expect(readFileSync(path.join(out, 'tokenizer.json'), 'utf8')).toBe('{"model":{}}');
    expect(statSync(path.join(out, 'tokenizer.json')).mode & 0o200).toBe(0o200);
    // a second export over the same folder (weights now inline) drops the flag and overwrites the copies
    await writeModelFolderFiles(src, out, false);
    expect(JSON.parse(readFileSync(path.join(out, 'config.json'), 'utf8'))['transformers.js_config']).toEqual({ dtype: 'fp32' });
  });

  it('exporting into the model directory itself touches config.json only when the flag changes', async () => {
    expect(await writeModelFolderFiles(src, src, false)).toEqual([]);
    expect(await writeModelFolderFiles(src, src, true)).toEqual(['config.json']);
    expect(JSON.parse(readFileSync(path.join(src, 'config.json'), 'utf8'))['transformers.js_config'].use_external_data_format).toBe(true);
  });
});
