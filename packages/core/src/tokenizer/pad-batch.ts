import { OkapiError } from '../errors/okapi-error';
import type { BatchEncoding, Side } from './tokenizer';

/** Keeps at most `maxLength` ids, dropping from `side`. */
export function truncateIds(ids: readonly number[], maxLength: number, side: Side): number[] {
  if (ids.length <= maxLength) return [...ids];
  return side === 'right' ? ids.slice(0, maxLength) : ids.slice(ids.length - maxLength);
}

export interface PadOptions {
  /** Target length; defaults to the longest sequence. */
  readonly length?: number;
  readonly side: Side;
  readonly padId: number | undefined;
}

/** Pads every sequence to one length on `side`, with a mask of 1 for real tokens and 0 for padding. */
export function padBatch(sequences: readonly (readonly number[])[], options: PadOptions): BatchEncoding {
  const length = options.length ?? Math.max(0, ...sequences.map((s) => s.length));
  const needsPad = sequences.some((s) => s.length < length);
  if (needsPad && options.padId === undefined) {
    throw new OkapiError('Padding a batch needs a pad token, and this tokenizer has none', {
      hint: 'Set "pad_token" in tokenizer_config.json (LLaMA models usually use "<unk>"), or pass padId.',
    });
  }
  const inputIds: number[][] = [];
  const attentionMask: number[][] = [];
  for (const seq of sequences) {
    const fill = Math.max(0, length - seq.length);
    const pad = new Array<number>(fill).fill(options.padId ?? 0);
    const zeros = new Array<number>(fill).fill(0);
    const ones = new Array<number>(seq.length).fill(1);
    inputIds.push(options.side === 'left' ? [...pad, ...seq] : [...seq, ...pad]);
    attentionMask.push(options.side === 'left' ? [...zeros, ...ones] : [...ones, ...zeros]);
  }
  return { inputIds, attentionMask };
}
