// The repository config file, `.phq-tokens.json`: one policy shared by the editor, the CLI,
// the pre-commit hook and CI (docs/scan.md, "Repository config file"). Found by walking up
// from the scanned path or the document; the nearest file wins, files are not merged.
import path from 'node:path';
import { compilePattern, createPathFilter, type PathFilter } from '@phq-tokens/detect';
import schema from '../schema/phq-tokens.schema.json';
import { ConfigFileError, lineOf, readConfigText, readJsonWithSchema } from './jsonFile';

export { CONFIG_FILE_NAME, findRepoConfig } from './find';

export type SeverityOrOff = 'error' | 'warning' | 'info' | 'hint' | 'off';
export type FailOn = 'error' | 'warning' | 'info' | 'hint' | 'none';

/** What the file may say (the schema, schema/phq-tokens.schema.json, is the reference). */
export interface RepoConfigFile {
  extraPatterns?: string[];
  ignore?: string[];
  severity?: Record<string, SeverityOrOff>;
  envVarName?: string;
  markdownProse?: boolean;
  failOn?: FailOn;
  baseline?: string;
}

export interface RepoConfig extends RepoConfigFile {
  /** Absolute path of the file. */
  file: string;
  /** Its folder: `ignore` globs and `baseline` are relative to it, and so are baseline paths. */
  dir: string;
  /** `ignore` as a filter over paths relative to `dir`. */
  filter: PathFilter;
  /** `baseline` resolved against `dir`. */
  baselineFile?: string;
}

/** Parses and validates the text of a config file; throws ConfigFileError naming the lines. */
export function parseRepoConfig(text: string, file: string): RepoConfig {
  const { value, tree } = readJsonWithSchema<RepoConfigFile>(text, file, schema);
  // The schema cannot say "a JavaScript regular expression the engine accepts".
  const bad = (value.extraPatterns ?? []).flatMap((p, i) => {
    const re = compilePattern(p);
    return typeof re === 'string'
      ? [{ ...lineOf(text, tree, ['extraPatterns', i]), message: `"extraPatterns.${i}" is not usable: ${re}` }]
      : [];
  });
  if (bad.length > 0) throw new ConfigFileError(file, bad);
  const dir = path.dirname(file);
  const { $schema: _schema, ...rest } = value as RepoConfigFile & { $schema?: string };
  return {
    ...rest,
    file,
    dir,
    filter: createPathFilter(value.ignore ?? []),
    ...(value.baseline !== undefined && { baselineFile: path.resolve(dir, value.baseline) }),
  };
}

/** Reads and parses a config file; a read error is a ConfigFileError too (line 1). */
export function readRepoConfig(file: string): RepoConfig {
  return parseRepoConfig(readConfigText(file), file);
}

/** Whether a path (absolute; a folder when `isDir`) is ignored by the config's `ignore` globs. */
export function ignoredByConfig(config: Pick<RepoConfig, 'dir' | 'filter'>, abs: string, isDir = false): boolean {
  const rel = path.relative(config.dir, abs).split(path.sep).join('/');
  return config.filter.ignores(isDir ? rel + '/' : rel);
}
