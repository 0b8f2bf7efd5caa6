// The repository config file (.phq-tokens.json) merged into a document's settings: the one
// place the server reads it (docs/scan.md, "Repository config file"). Precedence: the file
// beats the user's settings, which beat the defaults; list settings add up. The file's
// `extraPatterns` run only in a trusted workspace (like the `extraPatterns` setting, which VS
// Code drops there). A broken file is reported once per version, by line, and not applied.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as ConfigLib from '@phq-tokens/config';
import type { BaselineMatcher, ConfigFileError, RepoConfig } from '@phq-tokens/config';
import { findRepoConfig } from '@phq-tokens/config/find';
import { fileStamp } from '@phq-tokens/files';
import { notebookFileUri } from './notebookCells';
import type { Settings, SeverityMap } from './settings';

let loaded: typeof ConfigLib | undefined;
/** The validator (ajv) loads when a repository has a config file, not at server start. */
function lib(): typeof ConfigLib {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, see above
  loaded ??= require('@phq-tokens/config') as typeof ConfigLib;
  return loaded;
}

/** How long a "which config file is nearest" answer is kept per folder (a new file is seen after it). */
const TTL_MS = 5_000;

interface Stamped<T> {
  stamp: string;
  value: T | ConfigFileError;
}

export class RepoPolicy {
  private readonly nearest = new Map<string, { at: number; file: string | undefined }>();
  private readonly configs = new Map<string, Stamped<RepoConfig>>();
  private readonly baselines = new Map<string, Stamped<BaselineMatcher>>();
  private readonly reported = new Set<string>();

  /** `report` gets each broken file's message once per version of the file. */
  constructor(private readonly report: (message: string) => void) {}

  /** Forget cached files (a watched config or baseline changed). */
  clear(): void {
    this.nearest.clear();
    this.configs.clear();
    this.baselines.clear();
  }

  /** `settings` with the repository file of `uri` applied; `trusted` says whether its patterns may run. */
  apply(settings: Settings, uri: string, trusted: boolean, now = Date.now()): Settings {
    // A notebook cell is judged under its notebook's policy (its URI has the notebook's path).
    const fileUri = notebookFileUri(uri);
    if (!fileUri.startsWith('file:')) return settings;
    let file: string;
    try {
      file = fileURLToPath(fileUri);
    } catch {
      return settings;
    }
    const configFile = this.find(path.dirname(file), now);
    if (!configFile) return settings;
    const { readRepoConfig, readBaseline, ignoredByConfig, BaselineMatcher } = lib();
    const config = this.load(this.configs, configFile, readRepoConfig);
    if (!config) return settings;
    const merged: Settings = {
      ...settings,
      extraPatterns: trusted ? [...settings.extraPatterns, ...(config.extraPatterns ?? [])] : settings.extraPatterns,
      envVarName: config.envVarName ?? settings.envVarName,
      markdownProse: config.markdownProse ?? settings.markdownProse,
      severity: { ...settings.severity, ...config.severity },
      severityByLanguage: withoutKeys(settings.severityByLanguage, Object.keys(config.severity ?? {})),
    };
    const own = file === config.file || file === config.baselineFile;
    if (own || ignoredByConfig(config, file)) return { ...merged, enable: false };
    if (config.baselineFile) {
      const matcher = this.load(this.baselines, config.baselineFile, (f) => new BaselineMatcher(readBaseline(f)));
      const rel = path.relative(config.dir, file).split(path.sep).join('/');
      if (matcher) merged.baseline = { has: (f, fingerprint) => matcher.has(f, rel, fingerprint) };
    }
    return merged;
  }

  private find(dir: string, now: number): string | undefined {
    const hit = this.nearest.get(dir);
    if (hit && now - hit.at < TTL_MS) return hit.file;
    const file = findRepoConfig(dir);
    this.nearest.set(dir, { at: now, file });
    return file;
  }

  /** Parsed once per version of the file (mtime and size); a broken version is reported once. */
  private load<T>(cache: Map<string, Stamped<T>>, file: string, read: (f: string) => T): T | undefined {
    const stamp = fileStamp(file);
    let entry = cache.get(file);
    if (!entry || entry.stamp !== stamp) {
      const Broken = lib().ConfigFileError;
      let value: T | ConfigFileError;
      try {
        value = read(file);
      } catch (e) {
        value = e instanceof Broken ? e : new Broken(file, [{ line: 1, column: 1, message: String(e) }]);
      }
      entry = { stamp, value };
      cache.set(file, entry);
    }
    if (!(entry.value instanceof lib().ConfigFileError)) return entry.value;
    const key = `${file}\0${stamp}`;
    if (!this.reported.has(key)) {
      this.reported.add(key);
      this.report(`PredictHQ Tokens: the repository config is not applied: ${entry.value.message}`);
    }
    return undefined;
  }
}

function withoutKeys(
  byLanguage: Readonly<Record<string, SeverityMap>>,
  keys: readonly string[],
): Record<string, SeverityMap> {
  if (keys.length === 0) return { ...byLanguage };
  const out: Record<string, SeverityMap> = {};
  for (const [lang, m] of Object.entries(byLanguage))
    out[lang] = Object.fromEntries(Object.entries(m).filter(([k]) => !keys.includes(k)));
  return out;
}
