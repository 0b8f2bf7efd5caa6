#!/usr/bin/env node
// Seeded generator of a realistic ~100 MB source tree for the detection benchmark.
// Same seed, same tree, byte for byte. Writes bench/.data/tree/ and bench/.data/manifest.json
// (every seeded placeholder and token with its file and line, and every decoy).
// Token values are generated here from the seed: they are token-shaped, never real, and
// live only under bench/.data/ (gitignored).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prng } from './prng.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const dataDir = path.join(here, '.data');
export const treeDir = path.join(dataDir, 'tree');

export function generate({ seed = 20261128, targetBytes = 100 * 1024 * 1024, files = 2000 } = {}) {
  const rnd = prng(seed);
  const int = (n) => Math.floor(rnd() * n);
  const pick = (a) => a[int(a.length)];
  const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const HEX = '0123456789abcdef';
  const str = (alphabet, n) => Array.from({ length: n }, () => alphabet[int(alphabet.length)]).join('');
  const token = () => str(B64.slice(0, 62), 2) + str(B64, 39) + str(B64.slice(0, 62), 2); // 43 chars, like the real format
  const uuid = () => `${str(HEX, 8)}-${str(HEX, 4)}-4${str(HEX, 3)}-a${str(HEX, 3)}-${str(HEX, 12)}`;
  const ident = () =>
    pick(['user', 'event', 'place', 'order', 'item', 'client', 'config', 'result', 'cache', 'query']) +
    pick(['Id', 'Name', 'List', 'Map', 'Count', 'Data', '']);

  const seeded = []; // { file, line, kind: 'placeholder' | 'token' }
  const decoys = []; // { file, line, what }

  // Filler: ordinary code, including words that trigger the engine but are fine.
  const filler = {
    js: [
      () => `import { ${ident()} } from './${ident()}';`,
      () => `const ${ident()} = await fetch(url, { method: 'GET' });`,
      () => `function ${ident()}(a, b) { return a + b * ${int(100)}; }`,
      () => `  if (value !== undefined && options.enabled) {`,
      () => `    console.log(\`loaded \${items.length} items in \${ms} ms\`);`,
      () => `  }`,
      () => [`/**`, ` * Returns the ${ident()} for the given request.`, ` */`],
      () => `export default class ${ident()}Service extends Base { constructor() { super(); } }`,
      () => `const re = /^[a-z0-9_-]{3,16}$/i; // username`,
      () => `  return items.map((item) => item.id).filter(Boolean);`,
      () => `  const { data } = await client.get('/things', { params: { limit: ${int(50)} } });`,
      () => `const s = '${ident()}' + "${ident()}" + '/path/to/${ident()}';`,
      () => ``,
    ],
    py: [
      () => `import ${pick(['os', 'json', 'logging', 'datetime', 'requests'])}`,
      () => `def ${ident().toLowerCase()}(request, limit=${int(100)}):`,
      () => `    """Return the ${ident()} for a request."""`,
      () => `    result = [x for x in items if x.get("${ident()}")]`,
      () => `    logger.info(f"loaded {len(items)} items for {user_id}")`,
      () => `    return {"status": "ok", "count": len(result)}`,
      () => `class ${ident()}Handler(BaseHandler):`,
      () => ``,
    ],
    sh: [
      () => `set -euo pipefail`,
      () => `echo "building ${ident()}"`,
      () => `for f in src/*.ts; do wc -l "$f"; done`,
      () => `# deploy step ${int(100)}`,
      () => ``,
    ],
    md: [
      () => `## ${ident()} guide`,
      () => `This section explains how the ${ident()} works and what it returns.`,
      () => `- item ${int(1000)}: see the docs for details`,
      () => ``,
    ],
  };
  filler.ts = filler.js;
  // Ordinary lines that mention tokens without any problem (about 2% of lines, as in code
  // that handles auth): they exercise the engine's triggers without being findings.
  const tokenish = {
    js: [
      () => `const tokenizer = new Tokenizer({ lowercase: true });`,
      () => `// refresh the access token before it expires`,
      () => `  headers.Authorization = \`Bearer \${token}\`;`,
    ],
    py: [
      () => `    # the access token is read from the environment`,
      () => `    token = os.environ.get("PHQ_API_TOKEN")`,
      () => `    headers = {"Authorization": f"Bearer {token}"}`,
    ],
    sh: [() => `if [ -z "\${PHQ_API_TOKEN:-}" ]; then echo "missing token" >&2; exit 1; fi`],
    md: [
      () => `This section explains why the token is needed.`,
      () => `Replace $ACCESS_TOKEN with your token (prose is not code).`,
    ],
  };
  tokenish.ts = tokenish.js;
  tokenish.json = tokenish.js;

  // Seeded items per language: [kind, line]. Decoys: look-alikes that must not be reported.
  const seeds = {
    js: [
      () => ['placeholder', `const headers = { Authorization: 'Bearer $API_TOKEN' };`],
      () => ['placeholder', `fetch(url, { headers: { Authorization: "Bearer {API_TOKEN}" } });`],
      () => ['placeholder', `const auth = \`Bearer $ACCESS_TOKEN\`;`],
      () => ['token', `const apiToken = '${token()}';`],
      () => ['token', `headers.set('Authorization', 'Bearer ${token()}');`],
    ],
    py: [
      () => ['placeholder', `headers = {"Authorization": "Bearer $API_TOKEN"}`],
      () => ['placeholder', `phq = Client(access_token="YOUR_API_TOKEN")`],
      () => ['placeholder', `url = "https://api.predicthq.com/v1/events/?token=<api_token>"`],
      () => ['token', `PHQ_API_TOKEN = "${token()}"`],
    ],
    sh: [
      () => ['placeholder', `curl -H 'Authorization: Bearer $API_TOKEN' https://api.predicthq.com/v1/events/`],
      () => ['token', `export PHQ_ACCESS_TOKEN=${token()}`],
    ],
    md: [
      () => ['placeholder', '```python', `requests.get(url, headers={"Authorization": "Bearer $ACCESS_TOKEN"})`, '```'],
      () => [
        'token',
        '```sh',
        `curl -H "Authorization: Bearer ${token()}" https://api.predicthq.com/v1/events/`,
        '```',
      ],
    ],
    json: [
      () => ['placeholder', `  "apiToken": "YOUR_PREDICTHQ_API_TOKEN",`],
      () => ['token', `  "api_token": "${token()}",`],
    ],
  };
  seeds.ts = seeds.js;
  const decoyLines = {
    js: [
      () => `const headers = { Authorization: \`Bearer \${API_TOKEN}\` };`,
      () => `const t = process.env.API_TOKEN;`,
      () => `const ttl = '$ACCESS_TOKEN_TTL';`,
      () => `const requestToken = '${uuid()}';`,
      () => `const tokenHash = '${str(HEX, 64)}';`,
      () => `const apiKey = 'short-key';`,
    ],
    py: [
      () => `headers = {"Authorization": f"Bearer {api_token}"}`,
      () => `token = os.environ["API_TOKEN"]`,
      () => `session_token = "${uuid()}"`,
      () => `api_key = "${str(HEX, 40)}"`,
    ],
    sh: [
      () => `curl -H "Authorization: Bearer $API_TOKEN" https://api.predicthq.com/v1/events/`,
      () => `echo "$ACCESS_TOKEN_TTL"`,
      () => `TOKEN=$API_TOKEN`,
    ],
    md: [() => `Call the API with \`Authorization: Bearer $API_TOKEN\` in the header.`],
    json: [() => `  "requestToken": "${uuid()}",`, () => `  "token_hash": "${str(HEX, 64)}",`],
  };
  decoyLines.ts = decoyLines.js;

  rmSync(treeDir, { recursive: true, force: true });
  const written = [];
  let total = 0;
  const mix = [
    ['js', 0.25],
    ['ts', 0.25],
    ['py', 0.2],
    ['md', 0.12],
    ['sh', 0.08],
    ['json', 0.1],
  ];
  const kindFor = () => {
    let r = rnd();
    for (const [k, p] of mix) if ((r -= p) < 0) return k;
    return 'js';
  };
  const dirs = Array.from(
    { length: 60 },
    (_, i) => `${pick(['src', 'lib', 'app', 'docs', 'scripts', 'packages'])}/${ident().toLowerCase()}${i}`,
  );

  const emit = (rel, lines) => {
    const file = path.join(treeDir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    const text = lines.join('\n') + '\n';
    writeFileSync(file, text);
    total += Buffer.byteLength(text);
    written.push(rel);
  };

  /** Lines of one file of `kind`, about `bytes` long, with `nSeeds` seeded items and `nDecoys` decoys. */
  const body = (rel, kind, bytes, nSeeds, nDecoys) => {
    const lines = [];
    let size = 0;
    const fill = filler[kind === 'json' ? 'js' : kind];
    const seedAt = new Set(Array.from({ length: nSeeds }, () => int(Math.max(1, bytes / 40))));
    const decoyAt = new Set(Array.from({ length: nDecoys }, () => int(Math.max(1, bytes / 40))));
    if (kind === 'json') lines.push('{');
    let n = 0;
    while (size < bytes) {
      n++;
      let add;
      if (seedAt.has(n)) {
        const [k, ...ls] = pick(seeds[kind])();
        const at = ls.length > 1 ? 1 : 0;
        seeded.push({ file: rel, line: lines.length + at + 1, kind: k });
        add = ls;
      } else if (decoyAt.has(n)) {
        const l = pick(decoyLines[kind])();
        decoys.push({ file: rel, line: lines.length + 1, what: l.trim().slice(0, 40) });
        add = [l];
      } else if (kind === 'json')
        add = [`  "${ident()}${n}": ${pick([`"${ident()}"`, String(int(1e6)), 'true', 'null'])},`];
      else {
        const pool = rnd() < 0.02 ? tokenish[kind] : fill;
        const f = pool[int(pool.length)]();
        add = Array.isArray(f) ? f : [f];
      }
      for (const l of add) {
        lines.push(l);
        size += l.length + 1;
      }
    }
    if (kind === 'json') lines.push('  "end": true', '}');
    return lines;
  };

  // One 10 MB file and one 1 MB single-line minified file.
  emit('src/generated/big.js', body('src/generated/big.js', 'js', 10 * 1024 * 1024, 40, 60));
  {
    const parts = [];
    let size = 0;
    let k = 0;
    while (size < 1024 * 1024) {
      k++;
      const p =
        k % 997 === 0
          ? `var h${k}={Authorization:"Bearer $API_TOKEN"}`
          : k % 991 === 0
            ? `var d${k}=\`Bearer \${t}\``
            : `function f${k}(a,b){return a.map(function(x){return x*${k % 97}}).filter(Boolean)}`;
      if (k % 997 === 0) seeded.push({ file: 'dist/app.min.js', line: 1, kind: 'placeholder', col: size });
      parts.push(p);
      size += p.length + 1;
    }
    emit('dist/app.min.js', [parts.join(';')]);
  }
  const remaining = targetBytes - total;
  for (let i = 0; i < files - 2; i++) {
    const kind = kindFor();
    const rel = `${pick(dirs)}/${ident().toLowerCase()}_${i}.${kind}`;
    const bytes = Math.max(2000, Math.round((remaining / (files - 2)) * (0.3 + rnd() * 1.4)));
    emit(rel, body(rel, kind, bytes, int(3) === 0 ? 1 + int(2) : 0, int(4)));
  }
  const manifest = {
    seed,
    files: written.length,
    bytes: total,
    expected: {
      placeholders: seeded.filter((s) => s.kind === 'placeholder').length,
      tokens: seeded.filter((s) => s.kind === 'token').length,
      decoys: decoys.length,
    },
    seeded,
    decoys,
  };
  writeFileSync(path.join(dataDir, 'manifest.json'), JSON.stringify(manifest));
  return manifest;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const t = Date.now();
  const m = generate();
  console.log(
    `generated ${m.files} files, ${(m.bytes / 1048576).toFixed(1)} MiB in ${Date.now() - t} ms: ` +
      `${m.expected.placeholders} placeholders, ${m.expected.tokens} tokens, ${m.expected.decoys} decoys`,
  );
}
