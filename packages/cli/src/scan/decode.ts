// Bytes to text for content that does not come from a file on disk (git blobs), with the
// same decisions read.ts makes for files; one implementation for every front end.
export { decodeBytes, type Decoded } from '@phq-tokens/files';
