import type { Value } from '../value';
import { apply, unaryOp } from './op-kit';

export const Exp = unaryOp('Exp', 'e^x', (_x, y) => y);
export const exp = (x: Value) => apply('Exp', [x]);
