export * from './reward-model';
