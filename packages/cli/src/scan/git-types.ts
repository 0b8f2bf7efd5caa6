// What the git modes of `scan` add to a report: where a finding came from in history.

/** The commit that first brought a blob into the history (oldest by commit date). */
export interface Introduced {
  commit: string;
  /** ISO 8601, the commit's author date. */
  date: string;
  author: string;
  /** The path the blob had in that commit. */
  path: string;
}

export interface HistoryInfo {
  blob: string;
  /** Undefined when no commit in the scanned range adds the blob (e.g. it came with a merge). */
  introduced?: Introduced;
  /** HEAD has this path, and its blob there holds the same finding (rule and token or placeholder). */
  inHead: boolean;
}

export interface GitScanInfo {
  mode: 'staged' | 'since' | 'history';
  /** HEAD's commit when there is one (SARIF versionControlProvenance). */
  head?: string;
  branch?: string;
  remote?: string;
  /** Only for --since and --history (--staged does not ask: it reads the index alone). */
  shallow?: boolean;
  /** Revisions the history was read from (`--all`, `^REF`, a range). */
  revisions?: string[];
  /** How many unique blobs were judged (history). */
  blobs?: number;
}
