export * from './types';
export { scan } from './scan';
export { DocumentScanner } from './document-scanner';
export { fingerprint, maskSecret } from './fingerprint';
export { languageFromFileName } from './languages';
export { envReference } from './env-reference';
export { envVarValues, setEnvVar, type EnvVarEdit } from './env-file';
export { compilePattern, DEFAULT_ENV_VAR } from './rules/context';
export { isLikelyToken } from './rules/shape';
export { FAMILIES } from './rules/patterns';
export { createPathFilter, type PathFilter } from './paths';
export { RULES, RULES_DOC_URL, ruleById, ruleDocsUrl, type Rule, type RuleFixture, type Trigger } from './rules/index';
export { compileRules, type CompiledRules } from './rules/judge';
export { KINDS, type FixFamily, type KindDescriptor } from './kinds';
export {
  cellLabel,
  isNotebookFile,
  notebookContext,
  NotebookFormatError,
  scanNotebook,
  type NotebookContext,
} from './notebook/scan-notebook';
export { scanCell, scanOutputText, type CellScanOptions } from './notebook/cell';
export { kernelLanguageId } from './notebook/ipython';
export type { CellKind } from './notebook/model';
