#!/usr/bin/env node
// The package graph is the one docs/architecture.md draws ("Who depends on whom"), and it only
// points down: every `@phq-tokens/*` import in a package's src/ is an edge of that drawing (a
// type-only import where the drawing says "types only"), every edge is declared in the
// package's package.json, nothing imports another package's files by path (only its name or an
// entry of its "exports" map), and the detection engine bundles without the network or LSP
// libraries. A new edge, one that points up, or a drawing that no longer matches fails here.
// Run by `npm test` as a check; `node scripts/check-architecture.mjs` alone prints the graph.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { root } from './lib.mjs';

const problems = [];
const fail = (m) => problems.push(m);

/** Workspace packages by short name: @phq-tokens/core -> core, the extension -> extension. */
function workspacePackages() {
  const out = new Map();
  for (const dir of ['packages', 'extensions']) {
    for (const name of readdirSync(path.join(root, dir)).sort()) {
      const pj = path.join(root, dir, name, 'package.json');
      if (!existsSync(pj)) continue;
      const json = JSON.parse(readFileSync(pj, 'utf8'));
      const short = json.name.startsWith('@phq-tokens/') ? json.name.slice('@phq-tokens/'.length) : 'extension';
      out.set(short, { dir: path.join(root, dir, name), json });
    }
  }
  return out;
}

function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.(ts|mts|cts|mjs|js)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f));
}

// import x from '...', import type {...} from '...', export {...} from '...', import('...'), require('...')
const SPECIFIER =
  /(?:^|[;\s])(import|export)(\s+type)?\b[^'";]*?\bfrom\s*'(@phq-tokens\/[^']+)'|(?:\bimport|\brequire)\(\s*'(@phq-tokens\/[^']+)'\s*\)/gm;

/** Edges found in code: from -> to -> { typeOnly, files }. Deep imports are reported. */
function edgesInCode(pkgs) {
  const edges = new Map();
  for (const [from, { dir, json }] of pkgs) {
    const files = [...sourceFiles(path.join(dir, 'src')), ...sourceFiles(path.join(dir, 'test'))];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const rel = path.relative(root, file);
      const isSrc = rel.split(path.sep).includes('src');
      for (const m of text.matchAll(SPECIFIER)) {
        const spec = m[3] ?? m[4];
        const typeOnly = Boolean(m[2]);
        const [, to, ...rest] = spec.split('/');
        const sub = rest.join('/');
        const target = pkgs.get(to);
        if (!target) {
          fail(`${rel}: imports ${spec}, which is no workspace package`);
          continue;
        }
        if (sub) {
          const exported = Object.keys(target.json.exports ?? {}).includes(`./${sub}`);
          if (!exported) fail(`${rel}: deep import ${spec} (not in ${target.json.name}'s "exports" map)`);
        }
        const declared = { ...json.dependencies, ...(isSrc ? {} : json.devDependencies) };
        if (!declared[target.json.name])
          fail(`${rel}: imports ${target.json.name} but ${json.name} does not declare it in package.json`);
        if (!isSrc) continue; // tests may use test-only packages (the emulator); the drawing is of the product
        const byTarget = edges.get(from) ?? new Map();
        const e = byTarget.get(to) ?? { typeOnly: true, files: new Set() };
        e.typeOnly &&= typeOnly;
        e.files.add(rel);
        byTarget.set(to, e);
        edges.set(from, byTarget);
      }
    }
  }
  return edges;
}

/** The drawing: lines `name ───> a, b (types only), c` inside the "Who depends on whom" block. */
function edgesInDoc() {
  const doc = readFileSync(path.join(root, 'docs', 'architecture.md'), 'utf8');
  const section = doc.split('## Who depends on whom')[1];
  const block = section?.match(/```\n([\s\S]*?)```/)?.[1];
  if (!block) {
    fail('docs/architecture.md has no "Who depends on whom" drawing');
    return new Map();
  }
  const edges = new Map();
  for (const line of block.split('\n')) {
    const m = line.match(/^(\w[\w-]*)\s+─+>\s+(.*)$/);
    if (!m) continue;
    const to = new Map();
    for (const part of m[2].split(',').map((s) => s.trim())) {
      if (!part || part === '(nothing)') continue;
      const p = part.match(/^([\w-]+)( \(types only\))?$/);
      if (!p) fail(`docs/architecture.md: cannot read "${part}" in "${line.trim()}"`);
      else to.set(p[1], { typeOnly: Boolean(p[2]) });
    }
    edges.set(m[1], to);
  }
  return edges;
}

/** Package names in dependency order, or a cycle. */
function topoOrder(edges, names) {
  const order = [];
  const state = new Map();
  const visit = (n, trail) => {
    if (state.get(n) === 'done') return;
    if (state.get(n) === 'active') {
      fail(`cycle: ${[...trail, n].join(' -> ')}`);
      return;
    }
    state.set(n, 'active');
    for (const to of edges.get(n)?.keys() ?? []) visit(to, [...trail, n]);
    state.set(n, 'done');
    order.push(n);
  };
  for (const n of names) visit(n, []);
  return order;
}

async function detectBundle() {
  const { build } = await import('esbuild');
  const r = await build({
    entryPoints: [path.join(root, 'packages', 'detect', 'src', 'index.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    minify: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(r.metafile.inputs);
  for (const banned of ['undici', 'vscode-languageserver', 'vscode-jsonrpc', 'packages/core/', 'packages/protocol/'])
    if (inputs.some((i) => i.includes(banned))) fail(`the detection engine's bundle contains ${banned}`);
  return r.outputFiles[0].contents.length;
}

/** The repository stands alone: code cites a docs section, never an item of a tracker it does not hold. */
function noTrackerCitations(pkgs) {
  const dirs = [
    ...[...pkgs.values()].map((p) => p.dir),
    path.join(root, 'scripts'),
    path.join(root, 'e2e'),
    path.join(root, 'bench'),
  ];
  for (const dir of dirs)
    for (const file of sourceFiles(dir)) {
      if (file.includes(`${path.sep}node_modules${path.sep}`) || file.includes(`${path.sep}dist${path.sep}`)) continue;
      const text = readFileSync(file, 'utf8');
      const m = text.match(/\bissues? #?\d+/i);
      if (m) fail(`${path.relative(root, file)}: cites "${m[0]}"; cite the docs section instead`);
    }
}

const pkgs = workspacePackages();
noTrackerCitations(pkgs);
const code = edgesInCode(pkgs);
const doc = edgesInDoc();
for (const name of pkgs.keys()) {
  const c = code.get(name) ?? new Map();
  const d = doc.get(name);
  if (!d) {
    fail(`docs/architecture.md does not draw ${name}`);
    continue;
  }
  for (const [to, e] of c) {
    const drawn = d.get(to);
    if (!drawn) fail(`${name} -> ${to} is in the code (${[...e.files][0]}) but not in docs/architecture.md`);
    else if (drawn.typeOnly && !e.typeOnly)
      fail(`${name} -> ${to} is drawn "types only" but ${[...e.files].join(', ')} import values`);
    else if (!drawn.typeOnly && e.typeOnly) fail(`${name} -> ${to} is type-only in the code: draw it "(types only)"`);
  }
  for (const to of d.keys())
    if (!c.has(to)) fail(`docs/architecture.md draws ${name} -> ${to}; the code has no such import`);
}
for (const name of doc.keys()) if (!pkgs.has(name)) fail(`docs/architecture.md draws ${name}, which is no package`);
const order = topoOrder(code, [...pkgs.keys()]);
const size = await detectBundle();

console.log(`packages, leaves first: ${order.join(', ')}`);
console.log(`detect bundle (minified, no undici, no LSP library): ${(size / 1024).toFixed(1)} KiB`);
for (const p of problems) console.log(`✖ ${p}`);
console.log(
  problems.length
    ? `${problems.length} problem(s) in the package graph`
    : 'the package graph matches docs/architecture.md',
);
process.exit(problems.length ? 1 : 0);
