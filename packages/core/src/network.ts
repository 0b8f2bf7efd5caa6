// Which low-level failures mean "no connection could be opened" (the host is unknown, refuses,
// has no route, or never completed the handshake) as opposed to a connection that broke
// mid-answer, and the words a person reads for each. Only the code is kept, never the
// low-level message (it can echo request details).

const WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'name lookup failed',
  EAI_FAIL: 'name lookup failed',
  ENETUNREACH: 'no route to the network',
  EHOSTUNREACH: 'no route to the host',
  EHOSTDOWN: 'host is down',
  ENETDOWN: 'network is down',
  EADDRNOTAVAIL: 'no usable local address',
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  // TLS: a connection opened, but not to a host this machine trusts (often a proxy).
  CERT_HAS_EXPIRED: 'TLS certificate expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate not trusted',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'TLS certificate not trusted',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate for another host',
};

/** True when `causeCode` says no connection to the host could be opened (or trusted). */
export function isConnectFailure(causeCode: string | undefined): boolean {
  return causeCode !== undefined && Object.hasOwn(WORDS, causeCode);
}

/** "connection refused", "host not found", ...; the code itself when we have no words for it. */
export function causeWords(causeCode: string | undefined): string {
  if (causeCode === undefined) return 'network error';
  return WORDS[causeCode] ?? causeCode;
}

/** The host (and port, when not the default) a base URL names: what a message should name. */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}
