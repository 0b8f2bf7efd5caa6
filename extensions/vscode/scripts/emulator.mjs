// Starts the emulator from its TypeScript source through tsx (no build step needed), for
// the extension-host tests, the screenshots and the UI tests. Returns startEmulator()'s
// handle: {url, credential, close, faults, state}.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from './ensure-code-server.mjs';

export async function startEmulator(options = {}) {
  const { tsImport } = await import('tsx/esm/api');
  const entry = pathToFileURL(path.join(repoRoot, 'packages', 'emulator', 'src', 'index.ts')).href;
  const mod = await tsImport(entry, import.meta.url);
  if (typeof mod.startEmulator !== 'function') return undefined;
  return mod.startEmulator({ port: 0, quiet: true, ...options });
}
