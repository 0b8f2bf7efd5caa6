export { buildProgram } from './main';
