export * from './chat-pipeline';
