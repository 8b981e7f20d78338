// Exports of core/src/prompting, one line per unit.
export * from './prompt-template';
export * from './prompter';
export * from './select-prompt-template';
export * from './prompter-factory';
