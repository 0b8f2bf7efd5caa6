// Reads a file once, deciding on the way whether it is worth scanning: the one implementation
// (@phq-tokens/files), which Scan Workspace uses too. A file that cannot be read throws, and
// the scan reports it. Names that are not UTF-8 are opened by their exact bytes (raw-name.ts).
import { readTextFileOrThrow, type ReadResult } from '@phq-tokens/files';
import { fsPath } from './raw-name';

export type { ReadResult };

export function readText(abs: string, maxBytes: number): ReadResult {
  return readTextFileOrThrow(fsPath(abs), maxBytes);
}
