// Writing a token into an env file on disk: the one policy the CLI (`create --env-file`,
// `rotate --env-file`) and the extension (Save to .env, Rotate) share, so each decides the
// same about the same file (docs/core.md, "Env files"). The text edit itself is the
// caller's (detect's setEnvVar): this module only decides where and whether to write.
//
// - A symbolic link is written through: the file the link points to gets the new value,
//   since that is what the app reading the link will load. Replacing the link with a
//   regular file would leave the real file with the old value (of a token that rotate is
//   about to delete). A link to nothing, or to something that is not a regular file, is
//   refused with the reason.
// - A read-only file (no owner write bit, or not writable by us) is refused, naming it:
//   someone made it so on purpose.
// - The write is a temporary file beside the real file, renamed over it: never half written.
//   A new file is created with mode 600; an existing one keeps its mode unless group or
//   others could read it, then it becomes owner-only (the caller says so).
import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  lstatSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

export type EnvFileRefusalReason = 'read-only' | 'not-a-file' | 'dangling-link';

/** The policy says no: `message` names the file and says what to do. */
export class EnvFileRefused extends Error {
  override readonly name = 'EnvFileRefused';
  constructor(
    readonly file: string,
    readonly reason: EnvFileRefusalReason,
    message: string,
  ) {
    super(message);
  }
}

export interface EnvFilePlan {
  /** As given. */
  file: string;
  /** The file that will be written: `file` itself, or the real file a link leads to. */
  target: string;
  /** `file` is a symbolic link (written through to `target`). */
  link: boolean;
  exists: boolean;
}

const octal = (m: number): string => m.toString(8).padStart(3, '0');

/** Decides how `file` would be written, before any token exists; throws EnvFileRefused. */
export function planEnvFile(file: string): EnvFilePlan {
  let link: boolean;
  try {
    link = lstatSync(file).isSymbolicLink();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { file, target: file, link: false, exists: false };
    throw e;
  }
  let target = file;
  if (link) {
    try {
      target = realpathSync(file);
    } catch {
      let to = '?';
      try {
        to = readlinkSync(file);
      } catch {
        // gone meanwhile: the message still names the link
      }
      throw new EnvFileRefused(
        file,
        'dangling-link',
        `${file} is a symbolic link to ${to}, which does not exist: create that file or replace the link, then try again.`,
      );
    }
  }
  const st = statSync(target);
  const shown = link ? `${file} (a link to ${target})` : file;
  if (!st.isFile()) throw new EnvFileRefused(file, 'not-a-file', `${shown} is not a regular file.`);
  let writable = (st.mode & 0o200) !== 0;
  try {
    accessSync(target, constants.W_OK);
  } catch {
    writable = false;
  }
  if (!writable)
    throw new EnvFileRefused(
      file,
      'read-only',
      `${shown} is read-only (mode ${octal(st.mode & 0o777)}): it was not written. ` +
        `Make it writable (chmod u+w ${target}) and try again.`,
    );
  return { file, target, link, exists: true };
}

export interface EnvFileWrite extends EnvFilePlan {
  how: 'created' | 'written';
  /** The mode the file had when group or others could read it (it is now owner-only). */
  tightenedFrom?: number;
}

/** Owner-only: a file that holds a token keeps no group or other access (not on Windows, which has no such bits). */
function privateMode(mode: number): number {
  return process.platform === 'win32' || (mode & 0o077) === 0 ? mode : (mode & 0o700) | 0o600;
}

/**
 * Writes `edit(current text)` to `file` under the policy above. `edit` gets undefined for a
 * file that does not exist yet.
 */
export function writeEnvFile(file: string, edit: (text: string | undefined) => string): EnvFileWrite {
  const plan = planEnvFile(file);
  if (!plan.exists) {
    writeFileSync(file, edit(undefined), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return { ...plan, how: 'created' };
  }
  const text = edit(readFileSync(plan.target, 'utf8'));
  const was = statSync(plan.target).mode & 0o777;
  const mode = privateMode(was);
  const tmp = path.join(
    path.dirname(plan.target),
    `.${path.basename(plan.target)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    // 'wx' + mode: the temporary file is private from its first byte, whatever the umask.
    writeFileSync(tmp, text, { mode: mode & 0o600, flag: 'wx' });
    chmodSync(tmp, mode);
    renameSync(tmp, plan.target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return { ...plan, how: 'written', ...(mode !== was && { tightenedFrom: was }) };
}
