import { Reader } from 'protobufjs/minimal';
import { OkapiError } from '../errors/okapi-error';

/** SentencePiece piece kinds (sentencepiece_model.proto, SentencePiece.Type). */
export enum PieceType { Normal = 1, Unknown = 2, Control = 3, UserDefined = 4, Unused = 5, Byte = 6 }

/** TrainerSpec.ModelType. */
export enum SentencePieceAlgorithm { Unigram = 1, Bpe = 2, Word = 3, Char = 4 }

export interface SentencePiece {
  readonly piece: string;
  readonly score: number;
  readonly type: PieceType;
}

/** The parts of a SentencePiece `ModelProto` that decide how text is tokenized. */
export interface SentencePieceModel {
  readonly pieces: readonly SentencePiece[];
  readonly algorithm: SentencePieceAlgorithm;
  readonly byteFallback: boolean;
  readonly addDummyPrefix: boolean;
  readonly removeExtraWhitespaces: boolean;
  /** Ids the trainer reserved (-1: none), from TrainerSpec. */
  readonly unkId: number;
  readonly bosId: number;
  readonly eosId: number;
  readonly padId: number;
}

// Field numbers from sentencepiece_model.proto (proto2; absent fields take the proto defaults below).
const field = {
  model: { pieces: 1, trainerSpec: 2, normalizerSpec: 3 },
  piece: { piece: 1, score: 2, type: 3 },
  trainer: { modelType: 3, byteFallback: 35, unkId: 40, bosId: 41, eosId: 42, padId: 43 },
  normalizer: { addDummyPrefix: 3, removeExtraWhitespaces: 4 },
};

/** Walks one message's fields, handing each to `onField`; unknown fields are skipped by wire type. */
function readMessage(reader: Reader, end: number, onField: (fieldNumber: number, wireType: number) => boolean): void {
  while (reader.pos < end) {
    const tag = reader.uint32();
    if (!onField(tag >>> 3, tag & 7)) reader.skipType(tag & 7);
  }
}

function readPiece(reader: Reader): SentencePiece {
  const end = reader.uint32() + reader.pos;
  let piece = '';
  let score = 0;
  let type = PieceType.Normal;
  readMessage(reader, end, (n) => {
    if (n === field.piece.piece) piece = reader.string();
    else if (n === field.piece.score) score = reader.float();
    else if (n === field.piece.type) type = reader.int32();
    else return false;
    return true;
  });
  return { piece, score, type };
}

/** Parses a SentencePiece `tokenizer.model` (a serialized ModelProto). */
export function parseSentencePieceModel(bytes: Uint8Array, origin: string): SentencePieceModel {
  const reader = Reader.create(bytes);
  const pieces: SentencePiece[] = [];
  let algorithm = SentencePieceAlgorithm.Unigram;
  let byteFallback = false;
  let addDummyPrefix = true;
  let removeExtraWhitespaces = true;
  const ids = { unkId: 0, bosId: 1, eosId: 2, padId: -1 };
  try {
    readMessage(reader, reader.len, (n) => {
      if (n === field.model.pieces) pieces.push(readPiece(reader));
      else if (n === field.model.trainerSpec) {
        const end = reader.uint32() + reader.pos;
        readMessage(reader, end, (t) => {
          if (t === field.trainer.modelType) algorithm = reader.int32();
          else if (t === field.trainer.byteFallback) byteFallback = reader.bool();
          else if (t === field.trainer.unkId) ids.unkId = reader.int32();
          else if (t === field.trainer.bosId) ids.bosId = reader.int32();
          else if (t === field.trainer.eosId) ids.eosId = reader.int32();
          else if (t === field.trainer.padId) ids.padId = reader.int32();
          else return false;
          return true;
        });
      } else if (n === field.model.normalizerSpec) {
        const end = reader.uint32() + reader.pos;
        readMessage(reader, end, (t) => {
          if (t === field.normalizer.addDummyPrefix) addDummyPrefix = reader.bool();
          else if (t === field.normalizer.removeExtraWhitespaces) removeExtraWhitespaces = reader.bool();
          else return false;
          return true;
        });
      } else return false;
      return true;
    });
  } catch (cause) {
    throw new OkapiError(`${origin} is not a SentencePiece model (${(cause as Error).message})`, { cause });
  }
  if (pieces.length === 0) throw new OkapiError(`${origin} is not a SentencePiece model: it has no pieces`);
  return { pieces, algorithm, byteFallback, addDummyPrefix, removeExtraWhitespaces, ...ids };
}
