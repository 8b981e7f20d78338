import path from 'node:path';
import { loadTokenizer, okapiPromptTemplate, Prompter } from '@okapi/core';
import { runCliInProcess } from '../helpers/run-cli';
import { makeTempDir } from '../helpers/temp-dir';
import { writeTinyLlamaDirectory } from '../helpers/tiny-model-dir';

describe('okapi generate / chat (tiny LLaMA on onnx)', () => {
  let tmp: ReturnType<typeof makeTempDir>;
  let model: string;
  beforeAll(async () => {
    tmp = makeTempDir('cli-generate');
    tmp.write('package.json', '{ "name": "user-project" }');
    tmp.write('okapi.config.json', JSON.stringify({ backend: { name: 'onnx', threads: 1 } }));
    model = await writeTinyLlamaDirectory(path.join(tmp.dir, 'model'), ['hello world', 'xin chào', 'Below is an instruction that describes a task.']);
  }, 60_000);
  afterAll(() => tmp.remove());

  const generate = async (...args: string[]) => {
    const result = await runCliInProcess(['generate', '--model', 'model', '--json', ...args], tmp.dir);
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout);
  };

  it('prints prompt ids from the Okapi template, generated ids only, and their decoded text', async () => {
    const reply = await generate('--prompt', 'xin chào', '--greedy', '--max-new-tokens', '6');
    const tokenizer = await loadTokenizer(model);
    expect(reply.prompt_ids).toEqual(await tokenizer.encode(new Prompter(okapiPromptTemplate).render({ instruction: 'xin chào' })));
    expect(reply.output_ids.length).toBeGreaterThan(0);
    expect(reply.output_ids.length).toBeLessThanOrEqual(6);
    expect(reply.text).toBe(await tokenizer.decode(reply.output_ids, { skipSpecialTokens: true }));
    expect(reply.response).toBe(reply.text.trim());
  }, 60_000);

  it('--raw sends the text as is; greedy and seeded sampling are reproducible', async () => {
    const raw = await generate('--prompt', 'hello', '--raw', '--greedy', '--max-new-tokens', '4');
    const tokenizer = await loadTokenizer(model);
    expect(raw.prompt_ids).toEqual(await tokenizer.encode('hello'));
    expect((await generate('--prompt', 'hello', '--raw', '--greedy', '--max-new-tokens', '4')).output_ids).toEqual(raw.output_ids);
    const a = await generate('--prompt', 'hello', '--raw', '--max-new-tokens', '8', '--seed', '5', '--top-k', '0', '--top-p', '1');
    const b = await generate('--prompt', 'hello', '--raw', '--max-new-tokens', '8', '--seed', '5', '--top-k', '0', '--top-p', '1');
    expect(b.output_ids).toEqual(a.output_ids);
  }, 60_000);

  it('refuses a prompt longer than the context window with a clear error', async () => {
    const result = await runCliInProcess(['generate', '--model', 'model', '--prompt', 'hello '.repeat(200), '--raw', '--max-new-tokens', '8'], tmp.dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/exceeds the model's context of 128/);
  });
});
