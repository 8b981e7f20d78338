// Exports of core/src/tokenizer, one line per unit.
export {};
