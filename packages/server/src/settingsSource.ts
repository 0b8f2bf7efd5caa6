// The one place the server reads settings (docs/server.md, "Settings"): `settingsFor(uri)`
// pulls `predicthqTokens` with workspace/configuration for the file's scope, normalises it
// once and keeps it per folder (a file's settings are its folder's: VS Code scopes resource
// settings by folder) until the client says settings changed. Documents, the workspace scan
// and notebook outputs all ask here, so another source (a repository config file) plugs in
// here and nowhere else.
import { SETTINGS_SECTION } from '@phq-tokens/protocol';
import { normalizeSettings, type Settings } from './settings';

export interface SettingsPuller {
  /** Raw settings for a scope (workspace/configuration), or undefined when the client cannot answer. */
  pull(scopeUri: string): Promise<unknown>;
  warn(message: string): void;
}

function folderOf(uri: string): string {
  const q = uri.search(/[?#]/);
  const bare = q >= 0 ? uri.slice(0, q) : uri;
  return bare.slice(0, bare.lastIndexOf('/') + 1);
}

export class SettingsSource {
  private readonly cache = new Map<string, Promise<Settings>>();

  constructor(private readonly puller: SettingsPuller) {}

  settingsFor(uri: string): Promise<Settings> {
    const key = folderOf(uri);
    let p = this.cache.get(key);
    if (!p) {
      p = this.load(uri);
      this.cache.set(key, p);
    }
    return p;
  }

  /** The client said settings changed: every folder's are read again when next asked. */
  changed(): void {
    this.cache.clear();
  }

  private async load(uri: string): Promise<Settings> {
    let raw: unknown;
    try {
      raw = await this.puller.pull(uri);
    } catch (e) {
      this.puller.warn(`Could not read settings for ${uri}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const { settings, invalid } = normalizeSettings(raw);
    if (invalid.length) this.puller.warn(`Ignoring invalid ${SETTINGS_SECTION} settings: ${invalid.join('; ')}`);
    return settings;
  }
}
