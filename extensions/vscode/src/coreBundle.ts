// Entry of dist/core.js: the API client (undici), loaded by src/core.ts on first use.
export * from '@phq-tokens/core';
