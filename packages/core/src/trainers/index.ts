export * from './trainer';
