import { OkapiError } from '../errors/okapi-error';
import { safetensorsDTypeSizes } from './safetensors-dtype';

/** One tensor's entry in a safetensors header; offsets are relative to the start of the data area. */
export interface SafetensorsEntry {
  readonly name: string;
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly begin: number;
  readonly end: number;
}

export interface SafetensorsHeader {
  readonly entries: ReadonlyMap<string, SafetensorsEntry>;
  readonly metadata: Readonly<Record<string, string>>;
  /** Bytes before the data area: 8 (length prefix) + the JSON header. */
  readonly dataStart: number;
}

/** Larger headers are refused (the reference implementation's limit), so garbage can't allocate GBs. */
export const maxHeaderBytes = 100_000_000;

const headerHint = 'The file is not a valid safetensors file; re-save it (e.g. with `safetensors.torch.save_file`).';

function invalid(file: string, what: string): OkapiError {
  return new OkapiError(`${file}: ${what}`, { hint: headerHint });
}

/** Reads the 8-byte little-endian header length, checking it against the file size. */
export function parseHeaderLength(prefix: Uint8Array, fileSize: number, file: string): number {
  if (fileSize < 8) throw invalid(file, `the file has ${fileSize} bytes, fewer than the 8-byte header length`);
  const length = Number(new DataView(prefix.buffer, prefix.byteOffset, 8).getBigUint64(0, true));
  if (length > maxHeaderBytes) throw invalid(file, `header length ${length} is larger than ${maxHeaderBytes} bytes`);
  if (8 + length > fileSize) {
    throw invalid(file, `truncated: the header claims ${length} bytes but the file has only ${fileSize - 8} after the length`);
  }
  return length;
}

function parseEntry(file: string, name: string, raw: unknown): SafetensorsEntry {
  const where = `tensor '${name}'`;
  if (typeof raw !== 'object' || raw === null) throw invalid(file, `${where}: entry is not an object`);
  const { dtype, shape, data_offsets: offsets } = raw as Record<string, unknown>;
  if (typeof dtype !== 'string' || safetensorsDTypeSizes[dtype] === undefined) {
    throw invalid(file, `${where}: unknown dtype ${JSON.stringify(dtype)}`);
  }
  const isDim = (d: unknown): d is number => Number.isSafeInteger(d) && (d as number) >= 0;
  if (!Array.isArray(shape) || !shape.every(isDim)) throw invalid(file, `${where}: shape must be a list of non-negative integers`);
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isDim) || offsets[0] > offsets[1]) {
    throw invalid(file, `${where}: data_offsets must be [begin, end] with 0 <= begin <= end`);
  }
  const elements = shape.reduce((a: number, b: number) => a * b, 1);
  const expected = elements * safetensorsDTypeSizes[dtype];
  if (offsets[1] - offsets[0] !== expected) {
    throw invalid(file, `${where}: ${dtype}${JSON.stringify(shape)} needs ${expected} bytes but data_offsets span ${offsets[1] - offsets[0]}`);
  }
  return { name, dtype, shape: shape as number[], begin: offsets[0], end: offsets[1] };
}

function parseMetadata(file: string, raw: unknown): Record<string, string> {
  if (raw === undefined) return {};
  const ok = typeof raw === 'object' && raw !== null && Object.values(raw).every((v) => typeof v === 'string');
  if (!ok) throw invalid(file, '__metadata__ must map strings to strings');
  return raw as Record<string, string>;
}

/** Parses and validates the JSON header; `dataBytes` is the size of the data area on disk. */
export function parseHeader(json: Uint8Array, dataBytes: number, file: string): SafetensorsHeader {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
  } catch (cause) {
    throw invalid(file, `the header is not valid UTF-8 JSON (${(cause as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw invalid(file, 'the header is not a JSON object');
  const entries = new Map<string, SafetensorsEntry>();
  let metadata: Record<string, string> = {};
  for (const [name, raw] of Object.entries(parsed)) {
    if (name === '__metadata__') metadata = parseMetadata(file, raw);
    else entries.set(name, parseEntry(file, name, raw));
  }
  const end = Math.max(0, ...[...entries.values()].map((e) => e.end));
  if (end > dataBytes) {
    throw new OkapiError(`${file}: truncated: tensors need ${end} bytes of data but the file has ${dataBytes}`, {
      hint: 'The file was cut short (interrupted download or copy); fetch or save it again.',
    });
  }
  return { entries, metadata, dataStart: 8 + json.byteLength };
}

/** What the writer lays out: name, dtype, shape and byte size, in file order. */
export interface HeaderTensor {
  readonly name: string;
  readonly dtype: string;
  readonly shape: readonly number[];
  readonly byteLength: number;
}

/**
 * The bytes before the data area: 8-byte LE length, then the JSON header padded with spaces so the
 * data starts at a multiple of 8 (as the reference writer does). Tensors are laid out in the given order.
 */
export function buildHeader(tensors: readonly HeaderTensor[], metadata: Readonly<Record<string, string>>): Uint8Array {
  const header: Record<string, unknown> = { __metadata__: metadata };
  let offset = 0;
  for (const t of tensors) {
    header[t.name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + t.byteLength] };
    offset += t.byteLength;
  }
  const json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.byteLength / 8) * 8;
  const out = new Uint8Array(8 + padded).fill(0x20);
  new DataView(out.buffer).setBigUint64(0, BigInt(padded), true);
  out.set(json, 8);
  return out;
}
