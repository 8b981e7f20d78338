export { main, type MainOptions } from './main';
export { builtinPlugins } from './builtin-plugins';
