// Files as git and the scans see them (Node only; docs/files.md).
export { decodeBytes, type Decoded } from './decode';
export { globMatcher, type PathMatcher } from './globs';
export { IgnoreRules, type GitStatus, type IgnoreRulesOptions } from './ignoreRules';
export { listFiles, wouldList, type ListOptions } from './listFiles';
export { readTextFile, readTextFileOrThrow, type ReadResult } from './read';
export { fileStamp } from './stamp';
