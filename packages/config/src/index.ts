export { ConfigFileError, type Problem } from './jsonFile';
export {
  CONFIG_FILE_NAME,
  findRepoConfig,
  ignoredByConfig,
  parseRepoConfig,
  readRepoConfig,
  type FailOn,
  type RepoConfig,
  type RepoConfigFile,
  type SeverityOrOff,
} from './repoConfig';
export * from './baseline';
