// Exports of core/src/lang, one line per unit.
export * from './language-pack';
export * from './language-registry';
export * from './language-detector';
export * from './ngram-profile';
export * from './ngram-model';
export * from './normalize-text';
export * from './script';
