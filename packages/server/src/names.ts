// How a token is shown. Legacy tokens (before July 2024) are named "API Client name | API
// Token name": the token part is what users recognise, the client part is context.

export interface DisplayName {
  token: string;
  client: string | null;
}

export function displayName(name: string): DisplayName {
  const parts = name.split('|');
  if (parts.length === 2) {
    const client = parts[0]!.trim();
    const token = parts[1]!.trim();
    if (client && token) return { client, token };
  }
  return { client: null, token: name.trim() || name };
}

/** One-line form: "Prod (API client: Acme)". */
export function displayNameText(name: string): string {
  const d = displayName(name);
  return d.client ? `${d.token} (API client: ${d.client})` : d.token;
}
