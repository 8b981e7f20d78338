// Exports of core/src/checkpoint, one line per unit.
export {};
