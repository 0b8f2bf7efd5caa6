// The regular expressions rules use on a line that a trigger selected.
import { SCOPE_IDS } from '@phq-tokens/families';

/** Token variable names from PredictHQ's docs and SDKs (case-insensitive). */
const NAME = String.raw`(?:PHQ_|PREDICTHQ_)?(?:API_|ACCESS_|OAUTH2_ACCESS_)?TOKEN|(?:PHQ_|PREDICTHQ_)API_KEY`;
const YOUR = String.raw`(?:YOUR|REPLACE_WITH_YOUR|INSERT_YOUR|ENTER_YOUR|PUT_YOUR)[_-](?:PREDICTHQ[_-]|PHQ[_-])?(?:API[_-]|ACCESS[_-])?(?:TOKEN|KEY)`;

/** Placeholders with a sigil or brackets: `${NAME}`, `$NAME`, `{NAME}`, `[NAME]`, `<NAME>`. */
export const SIGIL_PLACEHOLDER = new RegExp(
  String.raw`\$\{(?:${NAME})\}|\$(?:${NAME})(?![\w])|\{(?:${NAME})\}|\[(?:${NAME})\]|<(?:${NAME})>`,
  'gi',
);
/** `YOUR_API_TOKEN`, `REPLACE_WITH_YOUR_API_TOKEN`, `your_predicthq_access_token`... */
export const YOUR_PLACEHOLDER = new RegExp(String.raw`\b${YOUR}(?![\w-])`, 'gi');
/** A bare name right after `Bearer ` ("Bearer TOKEN", "Bearer API_TOKEN"). */
/** Not when more words follow: "Bearer token authentication is not permitted" is prose. */
export const BEARER_NAME = new RegExp(String.raw`\bBearer\s+(${NAME})(?![\w$-])(?![ \t]+[A-Za-z(])`, 'gi');
/** The fake token value in PredictHQ's SDK examples. */
export const SDK_FAKE_TOKEN = 'Acc3sS-t0keN';

export const BEARER_VALUE = /\bBearer\s+([A-Za-z0-9_\-.~+/]+=*)/gi;

/** Words that make a variable or key name a token's name. */
export const TOKEN_NAME_WORD = /token|api[_-]?key|apikey/gi;

/** Names that contain "token" but do not hold one. */
export const NOT_A_TOKEN_NAME =
  /tokeni[sz]|(?:token|key)[_.-]?(?:type|url|uri|endpoint|ttl|expir\w*|expires?\w*|count|len\w*|limit|file|path|name|id|ids|header|prefix|kind|usage|index|size|max|min)$/i;

export const BROWSER_VAR = /(?<![\w$])(NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_)(\w+)/g;

/** Scope ids of PredictHQ's API families, from the one list (packages/families). */
export const FAMILIES: readonly string[] = SCOPE_IDS;
export const ENDPOINT = new RegExp(String.raw`/v1/(${FAMILIES.join('|')})(?![\w-])/?`, 'g');

/** Known-token candidates: runs of base64url characters (the token format). */
export const TOKEN_RUN = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{16,256}(?![A-Za-z0-9_-])/g;
