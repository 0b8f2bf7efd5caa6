// A second corpus, real code rather than generated: this repository's installed packages
// (node_modules/.pnpm, pinned by pnpm-lock.yaml, so the same files on every machine that
// installs this commit): ~19,000 files of third-party JavaScript, TypeScript declarations,
// source maps, JSON and Markdown, with minified single-line bundles. Nothing is seeded, so
// there is no found/expected here: it shows the cost of per-file work and of long lines
// that a generated tree does not have. `phq-tokens scan` against ripgrep with the same
// equivalent regex; both skip binary files, neither honours ignore files here.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { EQUIVALENT_REGEX } from './equivalent.mjs';
import { median, timed } from './timing.mjs';

function size(dir) {
  let files = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return { files, bytes };
}

/** Times both tools on `<root>/node_modules/.pnpm`; null when it is not installed. */
export function realCode(root, cliJs, runs) {
  const rel = path.join('node_modules', '.pnpm');
  if (!existsSync(path.join(root, rel))) return null;
  const tools = {
    'phq-tokens scan': {
      cmd: cliJs,
      args: ['scan', rel, '--no-gitignore', '--format', 'json', '--fail-on', 'none'],
      reports: (out) => JSON.parse(out).findings.length,
    },
    'ripgrep (equivalent regex)': {
      cmd: 'rg',
      args: ['--no-config', '-uu', '-o', '-n', '--no-heading', '-e', EQUIVALENT_REGEX, rel],
      reports: (out) => out.split('\n').filter(Boolean).length,
    },
  };
  const results = [];
  for (const [name, t] of Object.entries(tools)) {
    console.log(`timing ${name} on real code...`);
    timed(t.cmd, t.args, root);
    const samples = Array.from({ length: runs }, () => timed(t.cmd, t.args, root));
    results.push({
      name,
      runs,
      wallMs: median(samples.map((s) => s.ms)),
      cpuMs: median(samples.map((s) => s.cpuMs)),
      peakRssMiB: Math.max(...samples.map((s) => s.rssMiB)),
      reports: t.reports(samples.at(-1).stdout),
    });
  }
  return { corpus: rel, ...size(path.join(root, rel)), results };
}
