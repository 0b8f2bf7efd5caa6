#!/usr/bin/env node
// `phq-tokens scan --history` against the floor (`git log -p --all | rg <equivalent regex>`)
// and secretlint over the same content (every unique blob written out as a file, since
// secretlint cannot read git history). Also `scan --staged` on 10 staged files against
// Node's own start-up. Figures go to docs/benchmarks.md; nothing passes or fails.
//
// The repository is generated with `git fast-import` under bench/.data/history-repo (not
// committed): BENCH_COMMITS commits (default 10,000) over ~400 files, each commit editing
// 1-3 files (a few lines changed, inserted or deleted), files added and deleted now and
// then, a side branch every 500 commits (merged back), and 60 fake tokens introduced in one
// commit and removed some commits later (20 of them never removed), plus 40 placeholders.
// Usage: node bench/history.mjs  (BENCH_RUNS=3, BENCH_REGENERATE=1, BENCH_SECRETLINT=0,
// BENCH_HISTORY=0 for the start-up figures alone)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EQUIVALENT_REGEX } from './equivalent.mjs';
import { prng } from './prng.mjs';
import { median, sh, timed } from './timing.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const dataDir = path.join(here, '.data');
const repoDir = path.join(dataDir, 'history-repo');
const blobsDir = path.join(dataDir, 'history-blobs');
const cliJs = path.join(root, 'packages', 'cli', 'dist', 'cli.js');
const COMMITS = Number(process.env.BENCH_COMMITS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

// 1. The repository.
async function generate() {
  rmSync(repoDir, { recursive: true, force: true });
  mkdirSync(repoDir, { recursive: true });
  sh('git', ['init', '-q', '-b', 'main', repoDir]);
  const rnd = prng(16);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const str = (alphabet, n) => Array.from({ length: n }, () => pick(alphabet)).join('');
  const token = () => 'FAKE' + str(B64.slice(0, 62), 39);
  const ident = () =>
    pick(['user', 'event', 'rank', 'place', 'count', 'offset', 'result', 'radius', 'label']) + str('abcdefgh', 2);
  const lines = {
    py: [
      () => `def ${ident()}(${ident()}, ${ident()}=None):`,
      () => `    return [x for x in ${ident()} if x.${ident()} > ${Math.floor(rnd() * 100)}]`,
      () => `    ${ident()} = client.events.search(q="${ident()}", limit=${Math.floor(rnd() * 50)})`,
      () => `    # the access token is read from the environment`,
      () => `    token = os.environ.get("PHQ_API_TOKEN")`,
      () => `    log.info("fetched %d ${ident()}", len(${ident()}))`,
    ],
    js: [
      () => `export function ${ident()}(${ident()}) {`,
      () => `  const ${ident()} = await fetch(url, { headers: { Authorization: \`Bearer \${token}\` } });`,
      () => `  return ${ident()}.filter((x) => x.${ident()} > ${Math.floor(rnd() * 100)});`,
      () => `  // refresh the access token before it expires`,
      () => `  logger.debug('${ident()}', ${ident()});`,
      () => `}`,
    ],
    sh: [
      () => `if [ -z "\${PHQ_API_TOKEN:-}" ]; then echo "missing token" >&2; exit 1; fi`,
      () => `curl -sf -H "Authorization: Bearer $PHQ_API_TOKEN" "$BASE/v1/events/?limit=${Math.floor(rnd() * 10)}"`,
      () => `echo "${ident()} done"`,
    ],
    md: [
      () => `This section explains how ${ident()} relates to ${ident()}.`,
      () => `See the ${ident()} guide for details on ranks and radius.`,
      () => '',
    ],
  };
  const exts = ['py', 'py', 'js', 'js', 'sh', 'md'];
  const bad = {
    py: (t) => `PHQ_API_TOKEN = "${t}"`,
    js: (t) => `const apiToken = '${t}';`,
    sh: (t) => `export PHQ_ACCESS_TOKEN=${t}`,
    md: (t) => `\`\`\`sh\ncurl -H "Authorization: Bearer ${t}" https://api.predicthq.com/v1/events/\n\`\`\``,
  };
  const files = new Map(); // path -> lines
  const newFile = () => {
    const ext = pick(exts);
    const p = `${pick(['src', 'lib', 'scripts', 'docs', 'app/api', 'app/jobs'])}/${ident()}_${files.size}.${ext}`;
    const n = 40 + Math.floor(rnd() * 160);
    files.set(
      p,
      Array.from({ length: n }, () => pick(lines[ext])()),
    );
    return p;
  };
  for (let i = 0; i < 400; i++) newFile();

  const child = spawn('git', ['fast-import', '--quiet', `--export-marks=${path.join(dataDir, 'history-marks')}`], {
    cwd: repoDir,
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  const done = new Promise((resolve, reject) =>
    child.on('close', (c) => (c === 0 ? resolve() : reject(new Error(`fast-import ${c}`)))),
  );
  let chunks = [];
  let pending = 0;
  const emit = async (s) => {
    chunks.push(s);
    pending += s.length;
    if (pending > 1 << 20) {
      const buf = chunks.join('');
      chunks = [];
      pending = 0;
      if (!child.stdin.write(buf)) await new Promise((r) => child.stdin.once('drain', r));
    }
  };
  const data = (s) => `data ${Buffer.byteLength(s)}\n${s}\n`;
  const tokenAt = new Map(); // commit index -> planned token intro/removal
  const plan = [];
  for (let k = 0; k < 60; k++) {
    const at = 50 + Math.floor(rnd() * (COMMITS - 100));
    const life = k < 20 ? Infinity : 1 + Math.floor(rnd() * 400);
    plan.push({ at, removeAt: at + life, value: token(), kind: 'token' });
  }
  for (let k = 0; k < 40; k++) {
    const at = 50 + Math.floor(rnd() * (COMMITS - 100));
    plan.push({ at, removeAt: at + 1 + Math.floor(rnd() * 200), value: 'Bearer $API_TOKEN', kind: 'placeholder' });
  }
  for (const p of plan) {
    if (!tokenAt.has(p.at)) tokenAt.set(p.at, []);
    tokenAt.get(p.at).push(p);
  }
  const live = []; // seeded items currently in a file: {file, line text, removeAt}
  const manifest = [];
  let mark = 0;
  let time = 1_700_000_000;
  let mainTip = 0;
  const commit = async (ref, parentMark, message, ops, mergeMark) => {
    mark++;
    time += 60 + Math.floor(rnd() * 7200);
    const author = pick(['Ann Author', 'Bo Builder', 'Cy Coder', 'Di Dev']);
    let s = `commit ${ref}\nmark :${mark}\nauthor ${author} <${author.split(' ')[0].toLowerCase()}@example.invalid> ${time} +0000\ncommitter ${author} <x@example.invalid> ${time} +0000\n${data(message)}`;
    if (parentMark) s += `from :${parentMark}\n`;
    if (mergeMark) s += `merge :${mergeMark}\n`;
    for (const op of ops)
      s += op.delete ? `D ${op.path}\n` : `M 100644 inline ${op.path}\n${data(files.get(op.path).join('\n') + '\n')}`;
    await emit(s);
    return mark;
  };
  const editOps = () => {
    const ops = [];
    const n = 1 + Math.floor(rnd() * 3);
    const paths = [...files.keys()];
    for (let i = 0; i < n; i++) {
      const p = pick(paths);
      const ls = files.get(p);
      const ext = p.slice(p.lastIndexOf('.') + 1);
      for (let e = 0; e < 1 + Math.floor(rnd() * 4); e++) {
        const at = Math.floor(rnd() * ls.length);
        const r = rnd();
        if (live.some((x) => x.file === p && x.text === ls[at])) continue;
        if (r < 0.5) ls[at] = pick(lines[ext])();
        else if (r < 0.8) ls.splice(at, 0, pick(lines[ext])());
        else if (ls.length > 10) ls.splice(at, 1);
      }
      ops.push({ path: p });
    }
    return ops;
  };

  for (let c = 0; c < COMMITS; c++) {
    let ops = c === 0 ? [...files.keys()].map((p) => ({ path: p })) : editOps();
    if (rnd() < 0.01) ops.push({ path: newFile() });
    if (rnd() < 0.005 && files.size > 300) {
      const p = pick([...files.keys()]);
      if (!live.some((x) => x.file === p)) {
        files.delete(p);
        ops = ops.filter((o) => o.path !== p);
        ops.push({ path: p, delete: true });
      }
    }
    for (const p of tokenAt.get(c) ?? []) {
      // Placeholders go into code (Python, JavaScript), where they are bugs; tokens anywhere.
      const paths = [...files.keys()].filter((f) => p.kind === 'token' || /\.(py|js)$/.test(f));
      const file = pick(paths);
      const ext = file.slice(file.lastIndexOf('.') + 1);
      const text =
        p.kind === 'token'
          ? bad[ext](p.value)
          : ext === 'py'
            ? `h = {"Authorization": "${p.value}"}`
            : `const h = { Authorization: '${p.value}' };`;
      files.get(file).splice(1, 0, text);
      ops.push({ path: file });
      live.push({ file, text, removeAt: p.removeAt, p });
      manifest.push({ kind: p.kind, file, commitMark: mark + 1, removed: p.removeAt < COMMITS, fp: p.value });
    }
    for (const x of live.filter((l) => l.removeAt === c)) {
      const ls = files.get(x.file);
      const i = ls.indexOf(x.text);
      if (i >= 0) ls.splice(i, 1);
      ops.push({ path: x.file });
      live.splice(live.indexOf(x), 1);
    }
    const seen = new Set();
    ops = ops.filter((o) => !seen.has(o.path) && seen.add(o.path) && (o.delete || files.has(o.path)));
    if (c > 0 && c % 500 === 0) {
      // A side branch of 10 commits, merged back.
      // The merge takes the side branch's versions of the files it touched.
      let side = mainTip;
      const touched = new Set();
      for (let b = 0; b < 10; b++) {
        const sideOps = editOps();
        for (const o of sideOps) touched.add(o.path);
        side = await commit(`refs/heads/feature-${c}`, side, `feature ${c} step ${b}`, sideOps);
      }
      mainTip = await commit(
        'refs/heads/main',
        mainTip,
        `merge feature-${c}`,
        [...touched].map((p) => ({ path: p })),
        side,
      );
    }
    mainTip = await commit('refs/heads/main', mainTip || undefined, `change ${c}`, ops);
  }
  await emit(`reset refs/heads/main\nfrom :${mainTip}\n\n`);
  child.stdin.end(chunks.join(''));
  await done;
  sh('git', ['-C', repoDir, 'checkout', '-q', '-f', 'main']);
  sh('git', ['-C', repoDir, 'gc', '-q', '--aggressive', '--prune=now']);
  const marks = new Map(
    readFileSync(path.join(dataDir, 'history-marks'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => [Number(l.slice(1, l.indexOf(' '))), l.slice(l.indexOf(' ') + 1)]),
  );
  const out = manifest.map((m) => ({
    kind: m.kind,
    file: m.file,
    commit: marks.get(m.commitMark),
    removed: m.removed,
  }));
  writeFileSync(path.join(dataDir, 'history-manifest.json'), JSON.stringify(out, null, 1));
}

/** Every unique blob of the history as a file (name: blob id + the extension of its first path). */
function dumpBlobs() {
  rmSync(blobsDir, { recursive: true, force: true });
  mkdirSync(blobsDir, { recursive: true });
  const list = sh('git', ['-C', repoDir, 'rev-list', '--objects', '--filter=object:type=blob', '--all']).stdout;
  const blobs = list
    .split('\n')
    .map((l) => l.split(' '))
    .filter((p) => p.length === 2);
  const r = spawnSync('git', ['-C', repoDir, 'cat-file', '--batch'], {
    input: blobs.map((b) => b[0]).join('\n') + '\n',
    maxBuffer: 2 ** 31 - 1,
  });
  let at = 0;
  for (const [oid, p] of blobs) {
    const nl = r.stdout.indexOf(10, at);
    const size = Number(r.stdout.subarray(at, nl).toString().split(' ')[2]);
    const ext = p.includes('.') ? p.slice(p.lastIndexOf('.')) : '';
    writeFileSync(path.join(blobsDir, oid.slice(0, 2) + '-' + oid + ext), r.stdout.subarray(nl + 1, nl + 1 + size));
    at = nl + 1 + size + 1;
  }
  return blobs.length;
}

const t0 = performance.now();
if (!existsSync(path.join(repoDir, '.git')) || process.env.BENCH_REGENERATE === '1') {
  console.log(`generating ${COMMITS} commits with git fast-import ...`);
  await generate();
}
const genSecs = (performance.now() - t0) / 1000;
const manifest = JSON.parse(readFileSync(path.join(dataDir, 'history-manifest.json'), 'utf8'));
const count = (args) => sh('git', ['-C', repoDir, ...args]).stdout.trim();
const repoFacts = {
  commits: Number(count(['rev-list', '--all', '--count'])),
  blobs: count(['rev-list', '--objects', '--filter=object:type=blob', '--all'])
    .split('\n')
    .filter((l) => l.includes(' ')).length,
  packMiB: Number(/size-pack: (\d+)/.exec(count(['count-objects', '-v']))[1]) / 1024,
  generation: genSecs,
};
const blobCount = dumpBlobs();
const blobBytes = Number(sh('du', ['-sb', blobsDir]).stdout.split('\t')[0]);

function best(name, cmd, args, opts = {}) {
  timed(cmd, args, opts.cwd ?? repoDir, opts.env); // warm-up (page cache)
  const runs = [];
  for (let i = 0; i < (opts.runs ?? RUNS); i++) runs.push(timed(cmd, args, opts.cwd ?? repoDir, opts.env));
  const m = runs.find((r) => r.ms === median(runs.map((x) => x.ms)));
  return {
    name,
    wallMs: m.ms,
    cpuMs: m.cpuMs,
    rssMiB: m.rssMiB,
    runs: runs.map((r) => Math.round(r.ms)),
    out: m.stdout,
    status: m.status,
  };
}

const results = [];
const onlyStartup = process.env.BENCH_HISTORY === '0';
const phq = onlyStartup
  ? null
  : best('phq-tokens scan --history', cliJs, ['scan', '--history', '--format', 'json', '--fail-on', 'none']);
if (phq) {
  const report = JSON.parse(phq.out);
  const tokens = manifest.filter((m) => m.kind === 'token');
  const found = tokens.filter((t) =>
    report.findings.some((f) => f.file === t.file && f.commit === t.commit && f.ruleId === 'phq/hardcoded-token'),
  );
  const placeholders = manifest.filter((m) => m.kind === 'placeholder');
  const foundPh = placeholders.filter((t) =>
    report.findings.some((f) => f.file === t.file && f.commit === t.commit && f.ruleId === 'phq/placeholder'),
  );
  const inHeadRight = found.filter((t) =>
    report.findings.some((f) => f.file === t.file && f.commit === t.commit && f.inHead === !t.removed),
  );
  phq.detail = `${report.findings.length} findings; tokens ${found.length}/${tokens.length} with the right commit (still-in-HEAD right for ${inHeadRight.length}), placeholders ${foundPh.length}/${placeholders.length}`;
  results.push(phq);

  const floor = best('git log -p --all | rg (the floor)', 'sh', [
    '-c',
    `git log -p --all --no-color | rg --no-config -c -e '${EQUIVALENT_REGEX.replace(/'/g, `'\\''`)}'`,
  ]);
  floor.detail = `${floor.out.trim()} matching lines (of diffs: added and removed lines, no context)`;
  results.push(floor);
  const rgBlobs = best('rg over every unique blob (dumped)', 'rg', [
    '--no-config',
    '-c',
    '-e',
    EQUIVALENT_REGEX,
    blobsDir,
  ]);
  rgBlobs.detail = `${rgBlobs.out
    .split('\n')
    .filter(Boolean)
    .reduce((s, l) => s + Number(l.slice(l.lastIndexOf(':') + 1)), 0)} matching lines`;
  results.push(rgBlobs);
  if (process.env.BENCH_SECRETLINT !== '0') {
    const rc = path.join(dataDir, '.secretlintrc-history.json');
    writeFileSync(
      rc,
      JSON.stringify({
        rules: [
          {
            id: '@secretlint/secretlint-rule-pattern',
            options: { patterns: [{ name: 'phq-equivalent', patterns: [`/${EQUIVALENT_REGEX}/`] }] },
          },
        ],
      }),
    );
    const outFile = path.join(dataDir, 'secretlint-history.json');
    const sl = best(
      'secretlint over every unique blob (dumped)',
      path.join(root, 'node_modules/.bin/secretlint'),
      ['history-blobs/**/*', '--secretlintrc', rc, '--format', 'json', '--no-color', '--output', outFile],
      { cwd: dataDir, runs: 1 },
    );
    sl.detail = `${JSON.parse(readFileSync(outFile, 'utf8')).reduce((s, r) => s + r.messages.length, 0)} reports`;
    results.push(sl);
  }
}

// scan --staged on 10 staged files vs node's own start-up.
const stagedRepo = path.join(dataDir, 'staged-repo');
rmSync(stagedRepo, { recursive: true, force: true });
sh('git', ['clone', '-q', '--depth', '1', `file://${repoDir}`, stagedRepo]);
const tracked = sh('git', ['-C', stagedRepo, 'ls-files'])
  .stdout.split('\n')
  .filter((f) => /\.(py|js)$/.test(f))
  .slice(0, 10);
for (const f of tracked)
  writeFileSync(path.join(stagedRepo, f), readFileSync(path.join(stagedRepo, f), 'utf8') + '\n# edited\n');
sh('git', ['-C', stagedRepo, 'add', ...tracked]);
const emptyDir = path.join(dataDir, 'empty');
mkdirSync(emptyDir, { recursive: true });
const startup = [
  best('phq-tokens scan --staged (10 staged files)', cliJs, ['scan', '--staged'], { cwd: stagedRepo, runs: 9 }),
  best('phq-tokens scan of an empty folder', cliJs, ['scan', '.'], { cwd: emptyDir, runs: 9 }),
  best('node -e 0', process.execPath, ['-e', '0'], { runs: 9 }),
  best('git diff --cached --raw (one git process)', 'git', ['diff', '--cached', '--raw', '-z'], {
    cwd: stagedRepo,
    runs: 9,
  }),
];

const f = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `\nrepository: ${repoFacts.commits} commits, ${repoFacts.blobs} unique blobs (${(blobBytes / 1048576).toFixed(0)} MiB as files; ${blobCount} dumped), pack ${repoFacts.packMiB.toFixed(1)} MiB; generated in ${repoFacts.generation.toFixed(1)} s this run (0 = reused)`,
);
console.log(
  '\n| tool | wall (median) | CPU | peak RSS | runs (ms) | what it found |\n| --- | --- | --- | --- | --- | --- |',
);
for (const r of results)
  console.log(
    `| ${r.name} | ${f(r.wallMs)} | ${f(r.cpuMs)} | ${r.rssMiB.toFixed(0)} MiB | ${r.runs.join(' / ')} | ${r.detail} |`,
  );
console.log('\n| start-up | wall (median of 9) | CPU | peak RSS |\n| --- | --- | --- | --- |');
for (const r of startup)
  console.log(`| ${r.name} | ${Math.round(r.wallMs)} ms | ${Math.round(r.cpuMs)} ms | ${r.rssMiB.toFixed(0)} MiB |`);
