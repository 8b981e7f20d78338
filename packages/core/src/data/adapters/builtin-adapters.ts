import type { DatasetAdapter } from '../dataset-adapter';
import { alpacaAdapter } from './alpaca-adapter';
import { createJsonlAdapter } from './jsonl-adapter';
import { okapiAlpacaAdapter } from './okapi-alpaca-adapter';
import { okapiRankingAdapter } from './okapi-ranking-adapter';
import { okapiRlAdapter } from './okapi-rl-adapter';
import { rankedAdapter } from './ranked-adapter';
import { sharegptPairsAdapter } from './sharegpt-pairs-adapter';

const shapeAdapters: readonly DatasetAdapter[] = [
  okapiAlpacaAdapter, okapiRlAdapter, okapiRankingAdapter, rankedAdapter, alpacaAdapter, sharegptPairsAdapter,
];

/** Every dataset adapter core ships, in the order `okapi data` lists them. */
export const builtinDatasetAdapters: readonly DatasetAdapter[] = [...shapeAdapters, createJsonlAdapter(shapeAdapters)];
