import type { DatasetRecord, InstructionDataRecord } from '../records';
import { LengthStats, type LengthSummary } from '../tokenized/length-stats';
import type { TokenEncoder } from '../tokenized/token-encoder';
import type { DatasetReport } from '../validation/dataset-report';
import { openDataset, type OpenDatasetOptions } from '../validation/open-dataset';

/** What `okapi data stats` needs from the language packs' detector. */
export interface TextLanguageDetector {
  detect(text: string): { readonly code?: string };
}

export interface StatsOptions extends OpenDatasetOptions {
  /** Token lengths are measured when given (any tokenizer: `encode(text) → ids`). */
  readonly encoder?: TokenEncoder;
  /** The prompt text of a record (default: instruction + '\n' + input). */
  readonly render?: (record: InstructionDataRecord) => string;
  readonly detector?: TextLanguageDetector;
  /** Lengths above this count as over the limit (Okapi SFT: 512 tokens). */
  readonly maxLength?: number;
}

export interface DatasetStats {
  readonly report: DatasetReport;
  readonly kinds: Readonly<Record<string, number>>;
  /** Characters, and tokens when an encoder was given, of prompts and responses. */
  readonly chars: { readonly prompt: LengthSummary; readonly response: LengthSummary };
  readonly tokens?: { readonly prompt: LengthSummary; readonly response: LengthSummary };
  /** Detected language → records, when a detector was given ('?' = no letters). */
  readonly languages?: Readonly<Record<string, number>>;
  /** Responses per prompt of ranked data (K). */
  readonly responsesPerPrompt?: LengthSummary;
}

function responsesOf(record: DatasetRecord): readonly string[] {
  if (record.kind === 'instruction') return [record.output];
  if (record.kind === 'pair') return [record.chosen, record.rejected];
  return record.responses;
}

const defaultRender = (r: InstructionDataRecord): string => (r.input === '' ? r.instruction : `${r.instruction}\n${r.input}`);

/** One streaming pass: counts, length distributions (characters and tokens) and detected languages. */
export async function computeDatasetStats(input: string, options: StatsOptions): Promise<DatasetStats> {
  const stream = await openDataset(input, options);
  const render = options.render ?? defaultRender;
  const kinds: Record<string, number> = {};
  const languages: Record<string, number> = {};
  const chars = { prompt: new LengthStats(), response: new LengthStats() };
  const tokens = { prompt: new LengthStats(), response: new LengthStats() };
  const perPrompt = new LengthStats();
  for await (const { record } of stream) {
    kinds[record.kind] = (kinds[record.kind] ?? 0) + 1;
    const prompt = render({ kind: 'instruction', instruction: record.instruction, input: record.input, output: '' });
    const responses = responsesOf(record);
    if (record.kind === 'ranked') perPrompt.add(record.responses.length);
    chars.prompt.add(prompt.length);
    for (const r of responses) chars.response.add(r.length);
    if (options.encoder !== undefined) {
      tokens.prompt.add((await options.encoder.encode(prompt)).length);
      for (const r of responses) tokens.response.add((await options.encoder.encode(r)).length);
    }
    if (options.detector !== undefined) {
      const code = options.detector.detect(`${record.instruction} ${record.input} ${responses[0] ?? ''}`).code ?? '?';
      languages[code] = (languages[code] ?? 0) + 1;
    }
  }
  const limit = options.maxLength ?? Infinity;
  return {
    report: stream.report,
    kinds,
    chars: { prompt: chars.prompt.summary(), response: chars.response.summary() },
    ...(options.encoder !== undefined ? { tokens: { prompt: tokens.prompt.summary(limit), response: tokens.response.summary(limit) } } : {}),
    ...(options.detector !== undefined ? { languages } : {}),
    ...(perPrompt.count > 0 ? { responsesPerPrompt: perPrompt.summary() } : {}),
  };
}
