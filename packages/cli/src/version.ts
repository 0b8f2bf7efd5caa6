// The release version, written once in the root package.json (docs/release.md, "One version").
// esbuild inlines only this field into the bundles.
import { version } from '../../../package.json';

export const VERSION: string = version;
