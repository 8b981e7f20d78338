// transformers.js greedy generation on an `okapi export --format onnx` folder, for
// test/slow/transformersjs-export.test.ts: prints the full id rows (prompt + new tokens) as JSON.
//   node bench/transformersjs/greedy-ids.mjs FOLDER '<ids json>' '<mask json>' NEW_TOKENS
import path from 'node:path';
import { AutoModelForCausalLM, env, Tensor } from '@huggingface/transformers';

const [folder, idsJson, maskJson, newTokens] = process.argv.slice(2);
env.allowRemoteModels = false; // offline: the local folder only
env.localModelPath = path.dirname(path.resolve(folder));
const model = await AutoModelForCausalLM.from_pretrained(path.basename(folder), { dtype: 'fp32', device: 'cpu' });
const tensor = (rows) => new Tensor('int64', BigInt64Array.from(rows.flat(), BigInt), [rows.length, rows[0].length]);
const steps = Number(newTokens);
const out = await model.generate({
  input_ids: tensor(JSON.parse(idsJson)), attention_mask: tensor(JSON.parse(maskJson)),
  max_new_tokens: steps, min_new_tokens: steps, do_sample: false, eos_token_id: [],
});
await model.dispose();
console.log(JSON.stringify(out.tolist().map((row) => row.map(Number))));
