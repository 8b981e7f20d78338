export * from './eval-task';
