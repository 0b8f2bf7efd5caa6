// SARIF 2.1.0 for code-scanning UIs. Regions use UTF-16 columns (columnKind), paths are
// relative to %SRCROOT%, and no snippet is included (a snippet would carry the token).
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { cellLabel, ruleDocsUrl, RULES as ENGINE_RULES, type CellRef, type Severity } from '@phq-tokens/detect';
import { encodeNameUri } from './raw-name';
import type { ScanReport } from './run';

/** The engine's rules (the list every front end reads); server-only rules never appear in a scan. */
const RULES = ENGINE_RULES.filter((x) => x.runsIn === 'engine');

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
  hint: 'note',
};

/** Where each rule is explained (the same page the language server links to). */

function cellLocation(c: CellRef): object {
  const path = `cells[${c.index}]` + (c.output !== undefined ? `/outputs[${c.output}]` : '');
  return {
    name: cellLabel(c),
    fullyQualifiedName: path,
    kind: c.output !== undefined ? 'notebookOutput' : 'notebookCell',
    ...(c.id !== undefined ? { properties: { cellId: c.id } } : {}),
  };
}

export function formatSarif(r: ScanReport, version: string): string {
  const index = new Map(RULES.map((x, i) => [x.id, i]));
  const results = r.results.flatMap((res) =>
    res.findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: index.get(f.ruleId) ?? 0,
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeNameUri(res.file), uriBaseId: '%SRCROOT%' },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
          // A notebook's cell (and output) as a logical location: code-scanning UIs show it,
          // and the line in the .ipynb alone does not say which cell a reader should open.
          ...(f.data.cell ? { logicalLocations: [cellLocation(f.data.cell)] } : {}),
        },
      ],
      // Stable across runs and line moves elsewhere in the file; never derived from a raw token.
      partialFingerprints: {
        'phqFinding/v1': createHash('sha256')
          .update(`${res.file}\0${f.ruleId}\0${f.data.fingerprint ?? f.match}`)
          .digest('hex')
          .slice(0, 32),
      },
      // scan --history: the finding is in a past version of the file; SARIF has no per-result
      // revision, so the commit that brought it goes in the property bag.
      ...(res.history && {
        properties: {
          commit: res.history.introduced?.commit,
          commitDate: res.history.introduced?.date,
          author: res.history.introduced?.author,
          blob: res.history.blob,
          inHead: res.history.inHead,
        },
      }),
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'phq-tokens',
            version,
            informationUri: 'https://www.predicthq.com/',
            rules: RULES.map((x) => ({
              id: x.id,
              name: x.sarif.name,
              shortDescription: { text: x.sarif.short },
              fullDescription: { text: x.sarif.full },
              helpUri: ruleDocsUrl(x),
              defaultConfiguration: { level: LEVEL[x.severity] },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(r.root + '/').href } },
        columnKind: 'utf16CodeUnits',
        ...(r.git?.remote && {
          versionControlProvenance: [
            {
              repositoryUri: r.git.remote,
              ...(r.git.head && { revisionId: r.git.head }),
              ...(r.git.branch && { branch: r.git.branch }),
              mappedTo: { uriBaseId: '%SRCROOT%' },
            },
          ],
        }),
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
