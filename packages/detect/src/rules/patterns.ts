// The regular expressions rules use on a line that a trigger selected.

/** Token variable names from PredictHQ's docs and SDKs (case-insensitive). */
const NAME = String.raw`(?:PHQ_|PREDICTHQ_)?(?:API_|ACCESS_|OAUTH2_ACCESS_)?TOKEN|(?:PHQ_|PREDICTHQ_)API_KEY`;
const YOUR = String.raw`(?:YOUR|REPLACE_WITH_YOUR|INSERT_YOUR|ENTER_YOUR|PUT_YOUR)[_-](?:PREDICTHQ[_-]|PHQ[_-])?(?:API[_-]|ACCESS[_-])?(?:TOKEN|KEY)`;

/**
 * Placeholder forms; the group that matched tells which:
 * 1 `${NAME}`, 2 `$NAME`, 3 `{NAME}`, 4 `[NAME]` / `<NAME>`, 5 `YOUR_API_TOKEN` & co, 6 the SDKs' fake value,
 * 7 a bare NAME right after `Bearer `.
 */
export const PLACEHOLDER = new RegExp(
  [
    String.raw`(\$\{(?:${NAME})\})`,
    String.raw`(\$(?:${NAME}))(?![\w])`,
    String.raw`(\{(?:${NAME})\})`,
    String.raw`(\[(?:${NAME})\]|<(?:${NAME})>)`,
    String.raw`(?<![\w-])(${YOUR})(?![\w-])`,
    String.raw`(Acc3sS-t0keN)`,
    String.raw`(?<=\bBearer\s+)(${NAME})(?![\w$-])`,
  ].join('|'),
  'gi',
);

export const BEARER_VALUE = /\bBearer\s+([A-Za-z0-9_\-.~+/]+=*)/gi;

/** `name = `, `name: `, `"name": `, `name := `, `name => ` where the name speaks of a token or key. */
export const TOKEN_ASSIGNMENT =
  /(?<![\w$.-])([\w$.-]*?(?:token|api[_-]?key|apikey)[\w$.-]*)["'`]?\]?\s*(?::=|=>|\+?=|:)[ \t]*/gi;

/** Names that contain "token" but do not hold one. */
export const NOT_A_TOKEN_NAME =
  /tokeni[sz]|(?:token|key)[_.-]?(?:type|url|uri|endpoint|ttl|expir\w*|expires?\w*|count|len\w*|limit|file|path|name|id|ids|header|prefix|kind|usage|index|size|max|min)$/i;

export const BROWSER_VAR = /(?<![\w$])(NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_)(\w+)/g;

export const FAMILIES = [
  'events',
  'broadcasts',
  'features',
  'places',
  'beam',
  'forecasts',
  'loop',
  'saved-locations',
  'demand-surge',
  'impact-area',
  'suggested-radius',
] as const;
export const ENDPOINT = new RegExp(String.raw`/v1/(${FAMILIES.join('|')})(?![\w-])/?`, 'g');

/** Known-token candidates: runs of base64url characters (the token format). */
export const TOKEN_RUN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{16,256}(?![A-Za-z0-9_-])/g;

/**
 * Lines worth judging contain one of these. Case variants are spelled out, and split into a
 * lowercase and an uppercase set, because that is several times faster than one /i regex
 * (irregexp can skip quickly over text that cannot start any alternative).
 */
export const TRIGGERS: readonly RegExp[] = [
  /oken|earer|pi_?[kK]ey|pi-key|redict[hH][qQ]|0ke[nN]/g,
  /OKEN|EARER|PI_?KEY|PI-KEY|PHQ|REDICTHQ|_PUBLIC_|VITE_|REACT_APP_|\/v1\//g,
];
