import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// Runs in a child process: the native trainer blocks its thread for the whole run and prints blank
// progress lines straight to stdout, which would corrupt `--json` output of the CLI.
const trainerScript = `
const tk = require(process.argv[1]);
const t = new tk.Tokenizer(tk.BPE.empty());
t.setPreTokenizer(tk.byteLevelPreTokenizer(false, true));
t.train([process.argv[2]]);
t.save(process.argv[3]);
`;

/**
 * Byte-level BPE merges learned from `texts` by the `tokenizers` trainer, most frequent first. BPE
 * training is greedy, so the first N merges are exactly what a trainer asked for N merges would learn.
 */
export async function learnByteLevelMerges(texts: Iterable<string>): Promise<[string, string][]> {
  const dir = await mkdtemp(join(tmpdir(), 'okapi-bpe-'));
  try {
    const corpus = join(dir, 'corpus.txt');
    const output = join(dir, 'tokenizer.json');
    await writeFile(corpus, [...texts].join('\n'), 'utf8');
    await promisify(execFile)(process.execPath, ['-e', trainerScript, require.resolve('tokenizers'), corpus, output], { maxBuffer: 1 << 20 });
    const trained = JSON.parse(await readFile(output, 'utf8')) as { model: { merges: ([string, string] | string)[] } };
    return trained.model.merges.map((m) => (typeof m === 'string' ? (m.split(' ') as [string, string]) : m));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
