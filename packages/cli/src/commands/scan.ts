import { statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { compilePattern, DEFAULT_ENV_VAR } from '@phq-tokens/detect';
import { describeError } from '../runtime/describe-error';
import { CliError, ExitCode, exitCodeFor, UsageError } from '../runtime/exit-codes';
import { info, out } from '../runtime/io';
import { formatSarif } from '../scan/format-sarif';
import { formatHuman, formatJson, skippedLines, summaryLine } from '../scan/format-text';
import { quotePath } from '../scan/quote-path';
import { isScanWorker, runAsWorker } from '../scan/parallel';
import { runScan, scanFile, type ScanRequest } from '../scan/run';
import { readKnownTokens, runGitScan, type GitMode } from './scan-git';
import { fails, isFailOn, type FailOn } from '../scan/severity';
import { applyBaseline, baselineLines, writeBaseline } from '../scan/baseline';
import { resolvePolicy } from '../scan/policy';
import { bool, str, strList } from './options';
import { VERSION } from '../version';

const FORMATS = ['human', 'json', 'sarif'] as const;
const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/**
 * runtime/action.ts's error handling without its API-client plumbing: importing that would
 * load the HTTP client (undici) on every scan (see scan-program.ts).
 */
function action<A extends unknown[]>(fn: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      await fn(...args);
    } catch (e) {
      info(describeError(e));
      process.exitCode = exitCodeFor(e);
    }
  };
}

/** Paths must exist: a typo in a pre-commit hook must not pass as "clean". */
function checkPaths(paths: string[]): void {
  for (const p of paths) {
    try {
      statSync(p);
    } catch {
      throw new UsageError(`No such file or folder: ${quotePath(p)}`);
    }
  }
}

/** --staged / --since / --history, checked for combinations that mean nothing. */
function gitModeOf(opts: unknown): GitMode | undefined {
  const staged = bool(opts, 'staged');
  const since = str(opts, 'since');
  const raw = (opts as { history?: unknown }).history;
  const history = raw === true ? true : typeof raw === 'string' ? raw : undefined;
  if (staged && (since !== undefined || history !== undefined))
    throw new UsageError('--staged cannot be combined with --since or --history.');
  if (typeof history === 'string' && since !== undefined)
    throw new UsageError('--history with a range cannot be combined with --since.');
  if (!staged && since === undefined && history === undefined) return undefined;
  return { staged, since, history };
}

export function register(program: Command): void {
  program
    .command('scan')
    .description('Find unfilled token placeholders and hardcoded tokens in files (exit 1 when found)')
    .argument('[paths...]', 'files or folders to scan', ['.'])
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'human')
    .option('--fail-on <severity>', 'exit 1 on findings at or above: error, warning, info, hint, none (default: error)')
    .option('--ignore <glob>', 'skip paths matching this gitignore-style glob (repeatable)', collect)
    .option('--pattern <regex>', 'also flag this placeholder spelling, a regular expression (repeatable)', collect)
    .option('--env-var <name>', `environment variable suggested in messages (default: ${DEFAULT_ENV_VAR})`)
    .option('--markdown-prose', 'also judge Markdown prose, not only code blocks')
    .option('--endpoints', 'also list the PredictHQ API families each file calls')
    .option('--no-gitignore', 'do not honour .gitignore files')
    .option('--max-file-size <bytes>', 'skip files larger than this', String(DEFAULT_MAX_BYTES))
    .option('--staged', 'judge what is staged for the next commit (the index, not the working tree)')
    .option('--since <ref>', 'judge the files changed since this commit (with --history: the commits since it)')
    .option('--history [range]', 'judge every blob in git history (all refs, or a range such as v1.0..main)')
    .option('--known-tokens <file>', 'JSON list of your tokens as {id, name, fingerprint} (no values)')
    .option(
      '--config <file>',
      'the repository config file (default: the nearest .phq-tokens.json above the scanned path)',
    )
    .option('--no-config', 'do not read a repository config file')
    .option('--baseline <file>', 'report only findings not in this baseline (default: the config file\'s "baseline")')
    .option('--no-baseline', 'report every finding, even those in the baseline the config file names')
    .option('--write-baseline <file>', 'record every finding of this scan as known, in this file, and exit 0')
    .action(
      action(async (paths: unknown, opts: unknown) => {
        // A worker thread of a large scan (see scan/parallel.ts): it only scans files.
        if (isScanWorker()) return runAsWorker(scanFile);
        const list = Array.isArray(paths) && paths.length > 0 ? paths.map(String) : ['.'];
        const format = str(opts, 'format') ?? 'human';
        if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`Unknown --format "${format}".`);
        const failFlag = str(opts, 'failOn');
        if (failFlag !== undefined && !isFailOn(failFlag)) throw new UsageError(`Unknown --fail-on "${failFlag}".`);
        const envFlag = str(opts, 'envVar');
        const maxBytes = Number(str(opts, 'maxFileSize'));
        if (!Number.isFinite(maxBytes) || maxBytes <= 0)
          throw new UsageError('--max-file-size must be a positive number.');
        const patterns = strList(opts, 'pattern') ?? [];
        for (const p of patterns) {
          const re = compilePattern(p);
          if (typeof re === 'string') throw new UsageError(`Invalid --pattern "${p}": ${re}`);
        }
        const gitMode = gitModeOf(opts);
        const knownFile = str(opts, 'knownTokens');
        const rawConfig = (opts as { config?: unknown }).config;
        const rawBaseline = (opts as { baseline?: unknown }).baseline;
        const writeTo = str(opts, 'writeBaseline');
        if (writeTo !== undefined && typeof rawBaseline === 'string')
          throw new UsageError('--write-baseline cannot be combined with --baseline.');
        const policy = resolvePolicy(
          {
            config: rawConfig === false ? false : typeof rawConfig === 'string' ? rawConfig : undefined,
            failOn: failFlag as FailOn | undefined,
            envVar: envFlag,
            markdownProse: bool(opts, 'markdownProse'),
            baseline: rawBaseline === false ? false : typeof rawBaseline === 'string' ? rawBaseline : undefined,
          },
          process.cwd(),
          list,
          gitMode !== undefined,
        );
        const failOn = policy.failOn;
        const req: ScanRequest = {
          paths: list,
          root: process.cwd(),
          gitignore: (opts as { gitignore?: unknown }).gitignore !== false,
          ignore: strList(opts, 'ignore') ?? [],
          ...(policy.config?.ignore && { configIgnore: { dir: policy.config.dir, globs: policy.config.ignore } }),
          skip: [
            policy.config?.file,
            policy.config?.baselineFile,
            policy.baselineFile,
            writeTo && path.resolve(writeTo),
          ].filter((f): f is string => typeof f === 'string'),
          maxBytes,
          endpoints: bool(opts, 'endpoints'),
          options: {
            extraPatterns: [...policy.extraPatterns, ...patterns],
            envVarName: policy.envVarName,
            markdownProse: policy.markdownProse,
            severities: policy.severities,
            ...(knownFile !== undefined && { knownFingerprints: readKnownTokens(knownFile) }),
          },
        };
        // In the git modes the paths are pathspecs: a staged file may be gone from the disk.
        if (!gitMode) checkPaths(list);
        const report = gitMode
          ? await runGitScan(gitMode, req, list, format === 'sarif')
          : await runScan(req, __filename);
        if (writeTo !== undefined) {
          const n = writeBaseline(report, path.resolve(writeTo), policy.projectRoot);
          info(`wrote ${n} baseline entr${n === 1 ? 'y' : 'ies'} to ${quotePath(writeTo)}`);
          if (report.errors.length > 0)
            throw new CliError(`${report.errors.length} path(s) could not be read.`, ExitCode.usage);
          return;
        }
        if (policy.baselineFile !== undefined)
          applyBaseline(report, policy.baselineFile, policy.projectRoot, gitMode ? undefined : list);
        if (format === 'json') out(formatJson(report));
        else if (format === 'sarif') out(formatSarif(report, VERSION));
        else {
          const text = formatHuman(report);
          if (text) out(text);
        }
        for (const line of skippedLines(report)) info(line);
        for (const e of report.errors) info(`cannot read ${quotePath(e.file)}: ${e.message}`);
        if (format === 'human') info(summaryLine(report));
        for (const line of baselineLines(report)) info(line);
        if (report.errors.length > 0)
          throw new CliError(`${report.errors.length} path(s) could not be read.`, ExitCode.usage);
        const failing = report.results.some((r) => r.findings.some((f) => fails(f, failOn)));
        process.exitCode = failing ? ExitCode.failed : ExitCode.ok;
      }),
    );
}
