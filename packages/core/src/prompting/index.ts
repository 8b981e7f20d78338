// Exports of core/src/prompting, one line per unit.
export {};
