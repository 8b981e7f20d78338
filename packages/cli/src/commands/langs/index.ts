export { langsCommand } from './langs-command';
export { langsShowCommand } from './langs-show-command';
