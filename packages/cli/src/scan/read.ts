// Reads a file once, deciding on the way whether it is worth scanning: the one implementation
// (@phq-tokens/files), which Scan Workspace uses too. A file that cannot be read throws, and
// the scan reports it.
export { readTextFileOrThrow as readText, type ReadResult } from '@phq-tokens/files';
