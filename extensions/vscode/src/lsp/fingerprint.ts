// The detection engine's fingerprint (sha256 with a domain prefix), the only form in which
// the server ever learns about a stored value.
// TODO(detect): import from '@phq-tokens/detect' once its index exports fingerprint.
export { fingerprint } from '@phq-tokens/detect/src/fingerprint';
