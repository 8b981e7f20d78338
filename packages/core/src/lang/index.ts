export * from './language-pack';
