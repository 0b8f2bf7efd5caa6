// The OS keyring through @napi-rs/keyring (docs/dependencies.md): macOS Keychain, Windows
// Credential Manager, and on Linux the Secret Service (GNOME Keyring, KWallet) over D-Bus or
// the kernel keyring. Its prebuilt binary comes inside the registry packages (nothing is
// downloaded at install) and is loaded only when a keyring is used. Entries: service
// "phq-tokens", account = the name given (default "default"). Where no keyring is reachable
// (a container, SSH without a D-Bus session, CI), the error says so and names the other sources.
import { CliError, ExitCode } from '../runtime/exit-codes';

export const KEYRING_SERVICE = 'phq-tokens';

interface Entry {
  getPassword(): string | null | undefined;
  setPassword(value: string): void;
  deletePassword(): boolean;
}

function entry(account: string): Entry {
  let mod: { Entry: new (service: string, account: string) => Entry };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (native binary)
    mod = require('@napi-rs/keyring') as typeof mod;
  } catch (e) {
    throw new CliError(
      `No OS keyring support in this install (${e instanceof Error ? e.message.split('\n')[0] : String(e)}): ` +
        'install it beside phq-tokens (npm install -g @napi-rs/keyring), or use --stdin or --env-file.',
      ExitCode.unavailable,
    );
  }
  return new mod.Entry(KEYRING_SERVICE, account);
}

function unavailable(e: unknown): CliError {
  const why = e instanceof Error ? e.message : String(e);
  return new CliError(
    `The OS keyring is not available here (${why}). On Linux it needs a Secret Service (GNOME Keyring or KWallet) in a D-Bus session; use --stdin or --env-file instead.`,
    ExitCode.unavailable,
  );
}

export async function readKeyring(account: string): Promise<string> {
  const e = entry(account);
  let v: string | null | undefined;
  try {
    v = e.getPassword();
  } catch (err) {
    if (/no (matching )?(entry|credential)/i.test(String(err))) v = undefined;
    else throw unavailable(err);
  }
  if (!v)
    throw new CliError(
      `The OS keyring has no token "${account}" (service ${KEYRING_SERVICE}): store one with "phq-tokens keyring store ${account} --stdin".`,
      ExitCode.notFound,
    );
  return v;
}

export async function storeKeyring(account: string, value: string): Promise<void> {
  try {
    entry(account).setPassword(value);
  } catch (err) {
    if (err instanceof CliError) throw err;
    throw unavailable(err);
  }
}

export async function deleteKeyring(account: string): Promise<boolean> {
  try {
    return entry(account).deletePassword();
  } catch (err) {
    if (err instanceof CliError) throw err;
    if (/no (matching )?(entry|credential)/i.test(String(err))) return false;
    throw unavailable(err);
  }
}
