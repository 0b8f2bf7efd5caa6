import { DEFAULT_ENV_VAR } from '@phq-tokens/settings';
import { createHash, randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { setImmediate as yieldToEvents } from 'node:timers/promises';
import path from 'node:path';
import type { Command } from 'commander';
import {
  NAME_MAX_LENGTH,
  PhqError,
  TOKEN_ID,
  validateTokenName,
  type CreateResult,
  type TokenApiClient,
  type TokenMeta,
} from '@phq-tokens/core';
import { action, withClient, type Ctx } from '../runtime/action';
import { info, out } from '../runtime/io';
import { checkEnvFile, ensureGitignored, envFileValues, upsertEnvVar } from '../runtime/secret-files';
import { describeError } from '../runtime/describe-error';
import { CliError, ExitCode, UsageError, exitCodeFor } from '../runtime/exit-codes';
import { lockRotation, type RotationLock } from '../runtime/rotate-lock';
import {
  readRotateJournal,
  removeRotateJournal,
  rotateJournalFile,
  writeRotateJournal,
  type RotateJournal,
} from '../runtime/rotate-journal';
import { bool, connection, json, str, strList, withApiUrl, withJson } from './options';
import { quoteName } from '../scan/quote-path';

const collect = (v: string, prev: string[] = []) => [...prev, v];

interface EnvTarget {
  /** As the user wrote it (for messages). */
  file: string;
  /** Content hash when the plan was made (undefined: the file did not exist). */
  seen: string | undefined;
}

/** "Old name" -> "Old name (rotated 2026-11-29)"; an earlier rotation suffix is replaced, not stacked. */
export function rotatedName(old: string, now = new Date()): string {
  const suffix = ` (rotated ${now.toISOString().slice(0, 10)})`;
  const base = [...old.replace(/ \(rotated \d{4}-\d{2}-\d{2}\)$/, '')];
  return (
    base
      .slice(0, NAME_MAX_LENGTH - suffix.length)
      .join('')
      .trimEnd() + suffix
  );
}

function hashOf(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** Local checks before any request: a bad path must not cost a token. */
function checkTarget(file: string, envVar: string): EnvTarget {
  // The shared policy first (a read-only file, a link to nothing), then what it writes with:
  // a temporary file in the folder of the real file (a link's target's folder).
  const plan = checkEnvFile(file, envVar);
  try {
    accessSync(path.dirname(path.resolve(plan.target)), constants.W_OK);
    if (plan.exists) accessSync(plan.target, constants.R_OK);
  } catch {
    throw new CliError(`${file} is not writable; nothing was changed.`, ExitCode.failed);
  }
  return { file, seen: hashOf(file) };
}

async function resolveToken(c: TokenApiClient, ref: string, ctx: Ctx): Promise<TokenMeta> {
  if (TOKEN_ID.test(ref)) {
    try {
      return await c.get(ref, { signal: ctx.signal });
    } catch (e) {
      if (e instanceof PhqError && e.kind === 'not-found') {
        const done = readRotateJournal(ref);
        if (done?.step === 'delete' && done.newId) {
          // Killed after sending the delete: that rotation had done everything else.
          removeRotateJournal(ref);
          throw new CliError(
            `Token ${ref} not found: the interrupted rotation had already deleted it; its replacement is ` +
              `${done.newId}. Nothing was changed.`,
            ExitCode.notFound,
          );
        }
        throw new CliError(`Token ${ref} not found (already deleted?); nothing was changed.`, ExitCode.notFound);
      }
      throw e;
    }
  }
  const matches = (await c.listAll({ signal: ctx.signal })).filter((t) => t.name === ref);
  if (matches.length === 0)
    throw new CliError(`No token named "${ref}" (names must match exactly); nothing was changed.`, ExitCode.notFound);
  if (matches.length > 1)
    throw new UsageError(
      `${matches.length} tokens are named "${ref}": ${matches.map((t) => t.id).join(', ')}. Rotate one by its id.`,
    );
  return matches[0]!;
}

const errText = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e instanceof Error ? e.message : String(e));

function holdsValue(file: string, envVar: string, value: string): boolean {
  const values = envFileValues(file, envVar);
  return values.length > 0 && values.every((v) => v === value);
}

/**
 * Replaces a token in one step: creates the replacement (same scopes), writes its value into
 * each env file, and deletes the old token last, only when every write succeeded. Any failure
 * stops before the delete and says which steps ran and how to finish or undo.
 */
export function register(program: Command): void {
  withJson(
    withApiUrl(
      program
        .command('rotate')
        .description(
          'Replace a token: create a new one with the same scopes, write it to env files, delete the old one last',
        )
        .argument('<token>', 'the token to replace: its id (tok_...) or its exact name')
        .option(
          '--env-file <file>',
          'write the new value into this env file (repeatable; mode 600, .gitignore)',
          collect,
        )
        .option('--env-var <name>', 'variable name in the env files', DEFAULT_ENV_VAR)
        .option('--name <name>', 'name of the new token (default: the old name + " (rotated YYYY-MM-DD)")')
        .option('--dry-run', 'print the plan and change nothing'),
    ),
  ).action(
    action(async (ctx, ref: unknown, opts: unknown) => {
      if (typeof ref !== 'string' || ref.trim() === '') throw new UsageError('Name the token to rotate (id or name).');
      const envVar = str(opts, 'envVar') ?? DEFAULT_ENV_VAR;
      const dryRun = bool(opts, 'dryRun');
      const asJson = bool(opts, 'json');
      const nameOpt = str(opts, 'name');
      const newNameGiven = nameOpt === undefined ? undefined : validateTokenName(nameOpt);
      const files: string[] = [];
      for (const f of strList(opts, 'envFile') ?? [])
        if (!files.some((g) => path.resolve(g) === path.resolve(f))) files.push(f);
      if (asJson && !dryRun && files.length === 0)
        throw new UsageError('--json needs --env-file: the new value would be printed on stdout with the JSON.');
      const targets = files.map((f) => checkTarget(f, envVar));

      await withClient(ctx, connection(opts), async (c) => {
        const old = await resolveToken(c, ref, ctx);
        const newName = newNameGiven ?? rotatedName(old.name);
        if (dryRun) {
          printPlan(old, newName, targets, envVar, dryRun);
          if (asJson)
            out(
              json({
                dryRun: true,
                old: { id: old.id, name: old.name, scopes: old.scopes },
                new: { name: newName, scopes: old.scopes },
                envFiles: targets.map((t) => ({ file: t.file, variable: envVar })),
                deleteOldLast: true,
              }),
            );
          return;
        }
        const lock = lockRotation(old.id);
        try {
          const resume = readRotateJournal(old.id);
          reportInterrupted(old.id, lock.stale, resume);
          // A resumed create must send the same body as the first, or the key is a conflict.
          const name = resume?.newName ?? newName;
          if (resume && newNameGiven !== undefined && newNameGiven !== resume.newName)
            info(`The replacement keeps the name the interrupted rotation gave it: ${quoteName(name)}.`);
          printPlan(old, name, targets, envVar, false);
          await rotate(c, ctx, { old, newName: name, targets, envVar, asJson, resume });
        } finally {
          lock.release();
        }
      });
    }),
  );
}

function printPlan(old: TokenMeta, newName: string, targets: EnvTarget[], envVar: string, dryRun: boolean): void {
  const lines = [
    `${dryRun ? 'Plan (dry run: nothing will be changed)' : 'Plan'} to rotate ${old.id} ${quoteName(old.name)}:`,
    `  1. create ${quoteName(newName)} with the same scopes: ${old.scopes.join(', ') || '(none)'}`,
    ...(targets.length === 0
      ? ['  2. print the new value once on stdout (no --env-file given)']
      : targets.map((t, i) => `  ${i === 0 ? '2.' : '  '} set ${envVar} in ${t.file}${t.seen ? '' : ' (new file)'}`)),
    `  3. delete the old token ${old.id} last, only when every write succeeded`,
  ];
  info(lines.join('\n'));
}

interface Rotation {
  old: TokenMeta;
  newName: string;
  targets: EnvTarget[];
  envVar: string;
  asJson: boolean;
  /** The journal of an interrupted rotation of the same token: resumed. */
  resume: RotateJournal | undefined;
}

/** A stale lock is said, never taken over silently; so is what its rotation had done. */
function reportInterrupted(tokenId: string, stale: RotationLock['stale'], journal: RotateJournal | undefined): void {
  if (stale)
    info(
      `warning: an earlier rotation of ${tokenId}${stale.pid !== undefined ? ` (process ${stale.pid})` : ''} did not ` +
        `finish: its process no longer runs. Its lock ${stale.file} is taken over.`,
    );
  if (journal)
    info(
      `Resuming the interrupted rotation recorded in ${rotateJournalFile(tokenId)}: it had reached the ` +
        `${journal.step} step${journal.newId ? ` (replacement ${journal.newId})` : ''}. Its create is sent again with ` +
        'the same Idempotency-Key, which returns the token that create made instead of making a second one.',
    );
  else if (stale) info('It recorded no step, so it had sent no create: nothing to resume.');
}

async function rotate(c: TokenApiClient, ctx: Ctx, r: Rotation): Promise<void> {
  const { old, newName, targets, envVar, resume } = r;
  // One key for the whole rotation: every retry of the create (core's, the replay of an
  // unreadable 201, and a rerun after this process was killed) returns the same token
  // instead of making a second one.
  const idempotencyKey = resume?.idempotencyKey ?? `rotate-${old.id}-${randomUUID()}`;
  const files = targets.map((t) => path.resolve(t.file));
  const record = (step: RotateJournal['step'], newId?: string) =>
    writeRotateJournal({ oldId: old.id, newName, scopes: old.scopes, idempotencyKey, envVar, files, step, newId });
  record('create');
  let created: CreateResult;
  try {
    created = await c.create(newName, { scopes: old.scopes, idempotencyKey, signal: ctx.signal });
  } catch (e) {
    if (resume && e instanceof PhqError && e.kind === 'conflict') {
      // The server can no longer return the value of that create: the token it made is an orphan.
      removeRotateJournal(old.id);
      throw new CliError(
        `The interrupted rotation cannot be resumed: the API no longer returns the value of the token its create ` +
          `made (${describeError(e).replace(/^error: /, '')}). Delete that token` +
          (resume.newId
            ? ` with "phq-tokens delete ${resume.newId} --yes"`
            : ` (named ${quoteName(newName)}: see "phq-tokens list")`) +
          `, then run rotate again. No env file was written and ${old.id} was not deleted.`,
        ExitCode.failed,
      );
    }
    // A create that timed out, lost its connection or was cancelled may still have been handled.
    const nothing =
      e instanceof PhqError && e.possiblyCreated === undefined && !['cancelled', 'timeout', 'network'].includes(e.kind);
    if (nothing) removeRotateJournal(old.id);
    info(
      `Step 1 (create) failed: no env file was written and ${old.id} was not deleted.` +
        (nothing
          ? ' Nothing changed.'
          : ` A token named ${quoteName(newName)} may have been created: run the same rotate again to resume ` +
            '(it reuses the Idempotency-Key, so it cannot make a second one), or check "phq-tokens list".'),
    );
    throw e;
  }
  if (resume) {
    // A replay answers even for a token deleted since: its value must not go into a file.
    try {
      await c.get(created.id, { signal: ctx.signal });
    } catch (e) {
      if (!(e instanceof PhqError && e.kind === 'not-found')) throw e;
      removeRotateJournal(old.id);
      throw new CliError(
        `The token ${created.id} that the interrupted rotation created has been deleted since. No env file was ` +
          `written and ${old.id} was not deleted: run rotate again to start afresh.`,
        ExitCode.failed,
      );
    }
  }
  info(
    `${resume && created.replayed ? 'Resumed' : 'Created'} ${created.id} ${quoteName(created.name)} with scopes: ` +
      `${created.scopes.join(', ')}${resume && created.replayed ? ' (the token the interrupted rotation created)' : ''}.`,
  );
  record('write', created.id);

  const written: string[] = [];
  // `deleteSent`: the delete request may have reached the API (cancelled or failed mid-way).
  const stop: (why: string, code: number, deleteSent?: boolean) => never = (why, code, deleteSent = false) => {
    const left = targets.map((t) => t.file).filter((f) => !written.includes(f));
    const report = [
      `Rotation stopped: ${why}. ` +
        (deleteSent
          ? `The old token ${old.id} may or may not be deleted: check "phq-tokens list".`
          : `The old token ${old.id} was NOT deleted and still works.`),
      'Steps that ran:',
      `  created ${created.id} ${quoteName(created.name)}`,
      ...written.map((f) => `  set ${envVar} in ${f} (new value)`),
      ...left.map((f) => `  not written: ${f}`),
      'To finish: ' +
        (left.length > 0
          ? `set ${envVar} in ${left.join(', ')} to the new value` +
            (written.length > 0 ? ` (it is in ${written[0]})` : '') +
            ', then run '
          : 'run ') +
        `"phq-tokens delete ${old.id} --yes".`,
      `To undo: run "phq-tokens delete ${created.id} --yes"` +
        (written.length > 0 ? ` and put the old value back in ${written.join(', ')}.` : '.'),
    ];
    throw new CliError(report.join('\n'), code);
  };

  if (targets.length === 0) {
    out(created.value);
    info('This is the only time the new value is shown: store it where the old one was used.');
  }
  for (const t of targets) {
    await yieldToEvents(); // lets a Ctrl-C arrive between steps
    if (ctx.signal.aborted) stop('cancelled', ExitCode.cancelled);
    if (hashOf(t.file) !== t.seen)
      stop(`${t.file} changed on disk during the rotation; it was not written`, ExitCode.failed);
    let tightenedFrom: number | undefined;
    let through = '';
    try {
      const w = upsertEnvVar(t.file, envVar, created.value);
      tightenedFrom = w.tightenedFrom;
      if (w.link) through = ` (a symbolic link: written through to ${w.target})`;
    } catch (e) {
      stop(`could not write ${t.file} (${errText(e)})`, ExitCode.failed);
    }
    written.push(t.file);
    if (tightenedFrom !== undefined) {
      const octal = (m: number) => m.toString(8).padStart(3, '0');
      info(
        `warning: ${t.file} was readable by other users (mode ${octal(tightenedFrom)}); it now holds a token, so it ` +
          `is owner-only. If others must read it, run "chmod ${octal(tightenedFrom)} ${t.file}" (they can then read the token).`,
      );
    }
    let gi: ReturnType<typeof ensureGitignored>;
    try {
      gi = ensureGitignored(t.file);
    } catch (e) {
      stop(`could not make a .gitignore cover ${t.file} (${errText(e)})`, ExitCode.failed);
    }
    info(`Set ${envVar} in ${t.file}${through}.${gi.changed ? ` Added it to ${gi.gitignore}.` : ''}`);
  }
  // Every file must still hold the new value when the old token goes.
  for (const f of written) {
    let ok: boolean;
    try {
      ok = holdsValue(f, envVar, created.value);
    } catch {
      ok = false;
    }
    if (!ok) stop(`${f} changed on disk after it was written; it no longer holds the new value`, ExitCode.failed);
  }
  await yieldToEvents();
  if (ctx.signal.aborted) stop('cancelled before deleting the old token', ExitCode.cancelled);

  record('delete', created.id);
  let alreadyGone = false;
  try {
    await c.delete(old.id, { signal: ctx.signal });
  } catch (e) {
    if (e instanceof PhqError && e.kind === 'not-found') alreadyGone = true;
    else if (e instanceof PhqError && e.kind === 'cancelled')
      stop('cancelled while deleting the old token', ExitCode.cancelled, true);
    else stop(`deleting the old token failed (${describeError(e).replace(/^error: /, '')})`, exitCodeFor(e), true);
  }
  removeRotateJournal(old.id);
  info(alreadyGone ? `${old.id} was already deleted.` : `Deleted the old token ${old.id} ${quoteName(old.name)}.`);
  if (r.asJson)
    out(
      json({
        old: { id: old.id, name: old.name, deleted: true },
        new: { id: created.id, name: created.name, scopes: created.scopes },
        envFiles: targets.map((t) => ({ file: t.file, variable: envVar })),
      }),
    );
}
