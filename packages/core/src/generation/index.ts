// Exports of core/src/generation, one line per unit.
export {};
