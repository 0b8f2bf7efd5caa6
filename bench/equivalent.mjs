// The same rules for every tool in the comparison, as one regular expression that both
// ripgrep (Rust syntax) and secretlint (JavaScript) accept. A regex cannot see context, so
// it also reports the look-alike decoys (shell "$API_TOKEN", f-string {api_token}, ...):
// that is the point of the comparison, and the runner counts them.
export const EQUIVALENT_REGEX = [
  String.raw`\$\{?(?:PHQ_|PREDICTHQ_)?(?:API_|ACCESS_)?TOKEN\}?\b`,
  String.raw`\{(?:PHQ_)?(?:API_|ACCESS_)?TOKEN\}`,
  String.raw`\{(?:api|access)_token\}`,
  String.raw`\[api_token\]`,
  String.raw`<api_token>`,
  String.raw`YOUR_(?:PREDICTHQ_)?API_TOKEN`,
  String.raw`REPLACE_WITH_YOUR_API_TOKEN`,
  String.raw`your_predicthq_access_token`,
  String.raw`Acc3sS-t0keN`,
  String.raw`[Bb]earer\s+[A-Za-z0-9_-]{20,}`,
  String.raw`(?:[Tt]oken|TOKEN|api_?[Kk]ey|API_?KEY)\w*["']?\s*[:=]\s*["']?[A-Za-z0-9_-]{20,}`,
].join('|');
