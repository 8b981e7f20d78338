import type { InferenceSession, Tensor } from 'onnxruntime-node';
import { loadOrt } from '../ort/load-ort';

/** A left-padded batch: ids and 0/1 mask, row-major [batch, seq]. */
export interface PaddedPrompts {
  readonly ids: readonly number[][];
  readonly mask: readonly number[][];
}

export interface ExportedDecoderRun {
  /** Prompt plus generated ids per row. */
  readonly ids: number[][];
  /** Mask over `ids` (generated tokens are 1). */
  readonly mask: number[][];
  /** Logits of every call: the prefill's [batch, promptLength, vocab], then one [batch, 1, vocab] per step. */
  readonly logits: Tensor[];
}

/**
 * Greedy decoding with a plain onnxruntime session over an exported decoder (growing past), the way
 * transformers.js drives it: an empty past on the first call, `present.*` fed back as `past_key_values.*`,
 * the mask grown by one column per step, position ids counted over real tokens. Generates `steps`
 * tokens; the decoder runs steps + 1 times (the last call gives the last token's logits). A model
 * with a `num_logits_to_keep` input gets `options.numLogitsToKeep` (default 0: every position).
 */
export async function greedyWithExportedDecoder(session: InferenceSession, prompts: PaddedPrompts, steps: number, options: { numLogitsToKeep?: number } = {}): Promise<ExportedDecoderRun> {
  const ort = loadOrt();
  const batch = prompts.ids.length;
  const ids = prompts.ids.map((row) => [...row]);
  const mask = prompts.mask.map((row) => [...row]);
  const int64 = (rows: readonly number[][]) => new ort.Tensor('int64', BigInt64Array.from(rows.flat(), BigInt), [rows.length, rows[0].length]);
  let past = emptyPast(session, batch);
  let newIds = ids.map((row) => [...row]);
  const logits: Tensor[] = [];
  for (let step = 0; step <= steps; step++) {
    const positions = mask.map((row) => positionsOf(row).slice(row.length - newIds[0].length));
    const feeds: Record<string, Tensor> = { input_ids: int64(newIds), attention_mask: int64(mask), ...past };
    if (session.inputNames.includes('position_ids')) feeds.position_ids = int64(positions);
    if (session.inputNames.includes('num_logits_to_keep')) feeds.num_logits_to_keep = new ort.Tensor('int64', BigInt64Array.of(BigInt(options.numLogitsToKeep ?? 0)), []);
    const out = await session.run(feeds);
    logits.push(out.logits);
    if (step === steps) break;
    past = Object.fromEntries(Object.entries(out).filter(([name]) => name.startsWith('present.')).map(([name, t]) => [name.replace('present.', 'past_key_values.'), t]));
    newIds = lastArgmax(out.logits).map((id) => [id]);
    newIds.forEach(([id], row) => { ids[row].push(id); mask[row].push(1); });
  }
  return { ids, mask, logits };
}

/** Zero-length past tensors, shaped from the session's input metadata (as transformers.js does). */
function emptyPast(session: InferenceSession, batch: number): Record<string, Tensor> {
  const ort = loadOrt();
  const past: Record<string, Tensor> = {};
  session.inputMetadata.forEach((meta) => {
    if (!meta.name.startsWith('past_key_values.') || !meta.isTensor) return;
    const dims = meta.shape.map((d) => (typeof d === 'number' ? d : d === 'batch_size' ? batch : 0));
    past[meta.name] = new ort.Tensor('float32', new Float32Array(0), dims);
  });
  return past;
}

/** Position of each token counted over real tokens (0 on pads), as HF's generate builds position_ids. */
function positionsOf(maskRow: readonly number[]): number[] {
  let seen = 0;
  return maskRow.map((m) => (m === 0 ? 0 : seen++));
}

/** Greedy pick at the last position of [batch, seq, vocab] logits. */
function lastArgmax(logits: Tensor): number[] {
  const [batch, seq, vocab] = logits.dims;
  const data = logits.data as Float32Array;
  return Array.from({ length: batch }, (_, row) => {
    const base = (row * seq + seq - 1) * vocab;
    let best = 0;
    for (let v = 1; v < vocab; v++) if (data[base + v] > data[base + best]) best = v;
    return best;
  });
}
