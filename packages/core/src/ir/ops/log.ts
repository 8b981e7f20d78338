import type { Value } from '../value';
import { div } from './div';
import { apply, unaryOp } from './op-kit';

export const Log = unaryOp('Log', 'natural log', (x) => div(1, x));
export const log = (x: Value) => apply('Log', [x]);
