// Workspace diagnostics for files the user has not opened (docs/server.md, "Workspace
// diagnostics"). The extension lists the workspace, reads each file and redacts it
// exactly as document sync does (redact.ts: every stored value and every run of PARTIAL_MIN
// or more of its characters becomes its same-length stand-in), then sends the redacted text;
// the server judges it with the open-document path and pushes diagnostics. No token value
// crosses: the text is redacted before it leaves the extension.
/* eslint-disable @typescript-eslint/no-namespace */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

export interface WorkspaceFile {
  /** A file's URI inside a workspace folder (`file:`, or a scheme only VS Code can read). */
  uri: string;
  /** VS Code's language id when known; the server falls back to the file name. */
  languageId?: string;
  /** The file's text as read from disk, redacted by the client (never a stored value). */
  text: string;
}

export interface JudgeFilesParams {
  files: WorkspaceFile[];
}

export interface JudgeFilesResult {
  /** Files judged and published (a file open in an editor is skipped: its own diagnostics rule). */
  judged: number;
  /** Of those, files with at least one diagnostic. */
  withDiagnostics: number;
  /** Their URIs. */
  flagged?: string[];
  /**
   * Files with any finding, shown or not (an API call with no problem yet): what a change of
   * tokens can affect. A file with no finding at all is judged the same whatever the tokens,
   * unless it holds a value just added (the client looks for those itself).
   */
  withFindings?: string[];
  /** Milliseconds the server spent judging this batch (for the scan's log and the benchmark). */
  ms?: number;
}

/** client -> server: judge these unopened files and publish their diagnostics. One batch per request. */
export namespace JudgeFiles {
  export const method = 'phq/judgeFiles' as const;
  export const type = new RequestType<JudgeFilesParams, JudgeFilesResult, void>(method);
}

export interface ForgetFilesParams {
  uris: string[];
}

/** client -> server: these files were deleted or left the scan's scope; clear their diagnostics. */
export namespace ForgetFiles {
  export const method = 'phq/forgetFiles' as const;
  export const type = new NotificationType<ForgetFilesParams>(method);
}

/**
 * client -> server: settings changed and the client is about to send unopened files again;
 * read settings afresh for what follows (the client's own configuration notification may
 * arrive after the files).
 */
export namespace WorkspaceSettingsChanged {
  export const method = 'phq/workspaceSettingsChanged' as const;
  export const type = new NotificationType<void>(method);
}

function isWorkspaceFile(v: unknown): v is WorkspaceFile {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return (
    typeof f.uri === 'string' &&
    /^[a-z][a-z0-9+.-]*:/i.test(f.uri) &&
    typeof f.text === 'string' &&
    (f.languageId === undefined || typeof f.languageId === 'string')
  );
}

export function isJudgeFilesParams(v: unknown): v is JudgeFilesParams {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return Array.isArray(p.files) && p.files.every(isWorkspaceFile);
}

export function isForgetFilesParams(v: unknown): v is ForgetFilesParams {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Record<string, unknown>;
  return Array.isArray(p.uris) && p.uris.every((u) => typeof u === 'string');
}
