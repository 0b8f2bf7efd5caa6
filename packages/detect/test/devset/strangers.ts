// Development-set cases for the patterns of code written by strangers (docs/detection.md,
// "Code written by strangers"): a value on the next line, fallbacks after or / || / ?? /
// ternaries, untagged Markdown fences, templates, tokens in commands held by other files,
// unnamed token literals followed to the sink, and other services' keys. Modeled on patterns
// in public third-party code that calls api.predicthq.com; nothing is copied, and every
// token-shaped value is generated here from a fixed seed and starts with "FAKE".
import type { Finding } from '../../src';
import type { DevCase } from './cases';

/** Obviously fake values of `length` characters: "FAKE" + seeded base64url characters. */
function fakes(n: number, length: number, seed: number): string[] {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let x = seed;
  return Array.from({ length: n }, () => {
    let t = 'FAKE';
    while (t.length < length) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      t += abc[(x >> 8) % abc.length];
    }
    return t;
  });
}

const T = fakes(40, 40, 0x51c0de); // 40-character tokens
const K = fakes(12, 32, 0x7e11a); // 32-character keys
let ti = 0;
const tok = (): string => T[ti++ % T.length]!;
let ki = 0;
const key = (): string => K[ki++ % K.length]!;

/** Only an error counts (templates: a placeholder there may be info, never an error). */
const anError = (f: Finding): boolean => f.severity === 'error';
/** Only a hardcoded-token error counts (a browser-exposure warning on the line is not enough). */
const hardcodedError = (f: Finding): boolean => f.ruleId === 'phq/hardcoded-token' && f.severity === 'error';
/** Only PredictHQ advice counts (a neutral "secret" message is allowed for other services' keys). */
const phqAdvice = (f: Finding): boolean => /predicthq|PHQ_/i.test(f.message);

type Opt = Pick<DevCase, 'counts'>;
const c = (
  category: DevCase['category'],
  languageId: string,
  fileName: string,
  text: string,
  flag: boolean,
  opt: Opt = {},
): DevCase => ({ category, languageId, fileName, text, flag, ...opt });

const js = 'javascript';
const ts = 'typescript';
const py = 'python';
const md = 'markdown';

/** 1. The value on the next line: the expression goes on after ||, or, ??, =, (, a comma, a backslash. */
const NEXT_LINE: DevCase[] = [
  c(
    'next-line',
    js,
    'src/config/index.js',
    `module.exports = {\n  port: 3000,\n  phqApiKey: process.env.PREDICTHQ_API_KEY ||\n    '«${tok()}»',\n};\n`,
    true,
  ),
  c('next-line', ts, 'src/env.ts', `export const PHQ_TOKEN =\n  process.env.PHQ_TOKEN ??\n  "«${tok()}»";\n`, true),
  c('next-line', ts, 'src/env.ts', `export const PHQ_TOKEN =\n  "«${tok()}»";\n`, true),
  c('next-line', py, 'settings.py', `PREDICTHQ_ACCESS_TOKEN = (\n    "«${tok()}»"\n)\n`, true),
  c(
    'next-line',
    py,
    'settings.py',
    `import os\nPHQ_TOKEN = os.environ.get("PHQ_TOKEN") or \\\n    "«${tok()}»"\n`,
    true,
  ),
  c(
    'next-line',
    py,
    'phq.py',
    `from predicthq import Client\nphq = Client(\n    access_token="«${tok()}»",\n)\n`,
    true,
  ),
  c(
    'next-line',
    py,
    'events.py',
    `import requests\n# PredictHQ\nheaders = {\n    "Authorization":\n        "Bearer «${tok()}»",\n}\n`,
    true,
  ),
  c(
    'next-line',
    js,
    'api/events.js',
    `// PredictHQ events\nconst client = new Client({\n  access_token:\n    '«${tok()}»',\n});\n`,
    true,
  ),
  c(
    'next-line',
    js,
    'src/config.js',
    `module.exports = {\n  phqApiKey: process.env.PREDICTHQ_API_KEY ||\n    '«changeme»',\n};\n`,
    true,
  ),
  c(
    'next-line',
    py,
    'settings.py',
    `import os\nPHQ_TOKEN = os.environ.get("PHQ_TOKEN") or \\\n    "«your-token-here»"\n`,
    true,
  ),
  // The operator at the start of the line below (black, prettier's ternaries), a default on the line below.
  c('next-line', py, 'settings.py', `TOKEN = (\n    os.environ.get("PHQ_TOKEN")\n    or "«${tok()}»"\n)\n`, true),
  c('next-line', js, 'src/phq.js', `const token = process.env.PHQ_TOKEN\n  || '«${tok()}»';\n`, true),
  c(
    'next-line',
    js,
    'src/phq.js',
    `const token = process.env.PHQ_TOKEN\n  ? process.env.PHQ_TOKEN\n  : '«demo»';\n`,
    true,
  ),
  c('next-line', py, 'settings.py', `TOKEN = os.getenv("PHQ_API_TOKEN",\n                  "«changeme»")\n`, true),
  c('next-line', js, 'src/app.js', `const other = process.env.REGION\n  || '«us-east-1»';\n`, false),
  c('next-line', py, 'settings.py', `x = {"token": "a",\n     "b": "«${tok()}»"}\n`, false),
  // References on the next line are fine.
  c(
    'next-line',
    js,
    'src/config.js',
    `module.exports = {\n  phqApiKey: process.env.PREDICTHQ_API_KEY ||\n    «process.env.PHQ_API_TOKEN»,\n};\n`,
    false,
  ),
  c('next-line', ts, 'src/env.ts', `export const PHQ_TOKEN =\n  «readSecret("phq")»;\n`, false),
  c('next-line', py, 'settings.py', `PREDICTHQ_ACCESS_TOKEN = (\n    «os.environ["PHQ_TOKEN"]»\n)\n`, false),
  c('next-line', py, 'phq.py', `from predicthq import Client\nphq = Client(\n    access_token=«token»,\n)\n`, false),
  c('next-line', js, 'src/config.js', `const phqToken = process.env.PHQ_TOKEN ||\n  «''»;\n`, false),
  // A token-named line followed by an unrelated literal is not a continuation.
  c('next-line', js, 'src/config.js', `const PHQ_TOKEN = process.env.PHQ_TOKEN;\nconst build = '«${tok()}»';\n`, false),
  c('next-line', py, 'settings.py', `PHQ_TOKEN = os.environ["PHQ_TOKEN"]\nBUILD_ID = "«${tok()}»"\n`, false),
  c('next-line', js, 'lib/other.js', `const openaiKey = process.env.OPENAI_API_KEY ||\n  '«${key()}»';\n`, false, {
    counts: phqAdvice,
  }),
];

/** 2. A fallback after or / || / ?? / a ternary / a default argument / a destructuring default. */
const FALLBACK: DevCase[] = [
  c('fallback', py, 'app.py', `import os\nTOKEN = os.environ.get("PHQ_ACCESS_TOKEN") or "«XXXXXX»"\n`, true),
  c('fallback', py, 'app.py', `import os\nTOKEN = os.environ.get("PHQ_ACCESS_TOKEN") or "«${tok()}»"\n`, true),
  c('fallback', py, 'app.py', `import os\nTOKEN = os.getenv("PREDICTHQ_API_KEY") or '«your_api_key»'\n`, true),
  c('fallback', py, 'app.py', `import os\n# predicthq\ntoken = os.environ.get("TOKEN") or "«abc123»"\n`, true),
  c(
    'fallback',
    py,
    'app.py',
    `import os\nTOKEN = os.environ["PHQ_API_TOKEN"] if "PHQ_API_TOKEN" in os.environ else "«${tok()}»"\n`,
    true,
  ),
  c(
    'fallback',
    py,
    'app.py',
    `import streamlit as st\nTOKEN = st.secrets.get("PHQ_API_TOKEN") or "«changeme»"\n`,
    true,
  ),
  c(
    'fallback',
    md,
    'README.md',
    `# Events\n\n\`\`\`python\nimport os\nTOKEN = os.environ.get("PHQ_ACCESS_TOKEN") or "«XXXXXX»"\n\`\`\`\n`,
    true,
  ),
  c(
    'fallback',
    'json',
    'analysis.ipynb',
    `{\n "cells": [\n  {\n   "cell_type": "code",\n   "source": [\n    "import os\\n",\n    "TOKEN = os.environ.get(\\"PHQ_ACCESS_TOKEN\\") or \\"«XXXXXX»\\"\\n"\n   ]\n  }\n ]\n}\n`,
    true,
  ),
  c(
    'fallback',
    js,
    'src/phq.js',
    `const token = process.env.PHQ_API_TOKEN ? process.env.PHQ_API_TOKEN : '«${tok()}»';\n`,
    true,
  ),
  c('fallback', js, 'src/phq.js', `const token = import.meta.env.VITE_PREDICTHQ_TOKEN || '«${tok()}»';\n`, true),
  c('fallback', js, 'src/phq.js', `const token = import.meta.env.VITE_PREDICTHQ_TOKEN ?? "«demo»";\n`, true),
  c(
    'fallback',
    ts,
    'src/phq.ts',
    `// PredictHQ\nexport function client(apiKey: string = '«${tok()}»') {\n  return new Client({ access_token: apiKey });\n}\n`,
    true,
  ),
  c('fallback', ts, 'src/phq.ts', `// PredictHQ\nconst { token = '«${tok()}»' } = options;\n`, true),
  c('fallback', ts, 'src/phq.ts', `const { PHQ_API_TOKEN = '«xxxx»' } = process.env;\n`, true),
  c(
    'fallback',
    py,
    'phq.py',
    `def client(access_token=os.environ.get("PHQ_TOKEN") or "«${tok()}»"):\n    return Client(access_token=access_token)\n`,
    true,
  ),
  // References and empty fallbacks are fine.
  c('fallback', py, 'app.py', `import os\nTOKEN = os.environ.get("PHQ_ACCESS_TOKEN") or «DEFAULT_TOKEN»\n`, false),
  c('fallback', py, 'app.py', `import os\nTOKEN = os.environ.get("PHQ_ACCESS_TOKEN") or «""»\n`, false),
  c('fallback', py, 'app.py', `import os\nTOKEN = os.environ.get("PHQ_ACCESS_TOKEN") or «st.secrets["phq"]»\n`, false),
  c(
    'fallback',
    js,
    'src/phq.js',
    `const token = process.env.PHQ_API_TOKEN ? process.env.PHQ_API_TOKEN : «''»;\n`,
    false,
  ),
  c(
    'fallback',
    js,
    'src/phq.js',
    `const token = import.meta.env.VITE_PREDICTHQ_TOKEN || «(await secret("phq"))»;\n`,
    false,
  ),
  c('fallback', py, 'app.py', `import os\nDEBUG = os.environ.get("DEBUG") or "«false»"\n`, false),
  c('fallback', js, 'src/status.js', `const hasToken = process.env.PHQ_API_TOKEN ? 'set' : '«missing»';\n`, false),
  c('fallback', py, 'status.py', `status = "yes" if os.environ.get("PHQ_TOKEN") else "«no»"\n`, false),
  c('fallback', py, 'app.py', `import os\nLOG_LEVEL = os.getenv("LOG_LEVEL") or "«INFO»"\n`, false),
  c('fallback', js, 'src/app.js', `const region = process.env.REGION || '«us-east-1»';\n`, false),
  c('fallback', py, 'app.py', `import os\nGITHUB_TOKEN = os.environ.get("GITHUB_TOKEN") or "«${key()}»"\n`, false, {
    counts: phqAdvice,
  }),
];

/** 3. Untagged Markdown fences: by their content and by the file the prose names. */
const UNTAGGED: DevCase[] = [
  c(
    'untagged-fence',
    md,
    'README.md',
    `# Event radar\n\nCreate \`.streamlit/secrets.toml\`:\n\n\`\`\`\napi_key = "«<your API token>»"\n\`\`\`\n`,
    true,
  ),
  c(
    'untagged-fence',
    md,
    'README.md',
    `# Event radar (PredictHQ)\n\nAdd this to .streamlit/secrets.toml\n\n\`\`\`\napi_key = "«your-token»"\n\`\`\`\n`,
    true,
  ),
  c(
    'untagged-fence',
    md,
    'README.md',
    `# Setup\n\nCreate a \`.env\` file:\n\n\`\`\`\nPREDICTHQ_API_KEY=«your_api_key_here»\n\`\`\`\n`,
    true,
  ),
  c(
    'untagged-fence',
    md,
    'README.md',
    `# Setup\n\n\`\`\`\nPHQ_API_TOKEN=«changeme»\nOPENAI_API_KEY=sk-...\n\`\`\`\n`,
    true,
  ),
  c(
    'untagged-fence',
    md,
    'README.md',
    `# Setup\n\n\`\`\`\nexport PHQ_ACCESS_TOKEN=«xxxx»\npython app.py\n\`\`\`\n`,
    true,
  ),
  c(
    'untagged-fence',
    md,
    'README.md',
    `# PredictHQ events\n\nIn config.yaml:\n\n\`\`\`\npredicthq:\n  token: «<YOUR TOKEN>»\n\`\`\`\n`,
    true,
  ),
  c('untagged-fence', md, 'README.md', `# PredictHQ\n\n\`\`\`\n{ "phqToken": "«test»" }\n\`\`\`\n`, true),
  c(
    'untagged-fence',
    md,
    'README.md',
    `# PredictHQ\n\nSave as predicthq.conf:\n\n~~~\n[DEFAULT]\naccess_token = «REPLACE_ME»\n~~~\n`,
    true,
  ),
  c('untagged-fence', md, 'README.md', `# Setup\n\n\`\`\`\nPREDICTHQ_API_KEY=«${tok()}»\n\`\`\`\n`, true),
  // Templates to fill in, references and other services' keys are not PredictHQ findings.
  c(
    'untagged-fence',
    md,
    'README.md',
    `# Setup\n\nCreate \`.streamlit/secrets.toml\`:\n\n\`\`\`\napi_key = «""»\n\`\`\`\n`,
    false,
  ),
  c('untagged-fence', md, 'README.md', `# Setup\n\n\`\`\`\nPHQ_API_TOKEN=«$PHQ_API_TOKEN»\n\`\`\`\n`, false),
  c('untagged-fence', md, 'README.md', `# Setup\n\n\`\`\`\nOPENAI_API_KEY=«your-openai-key»\n\`\`\`\n`, false),
  c('untagged-fence', md, 'README.md', `# Tokenizer\n\n\`\`\`\ntokens = «tokenize("hello world")»\n\`\`\`\n`, false),
  c('untagged-fence', md, 'README.md', `# CLI\n\n\`\`\`\nUsage: tool --token «<token>» [options]\n\`\`\`\n`, false),
  c('untagged-fence', md, 'README.md', `# Auth\n\n\`\`\`\ntoken = «"abc123"»\n\`\`\`\n`, false),
  c('untagged-fence', md, 'README.md', `# Output\n\n\`\`\`\n$ npm run build\nkey: «value»\n\`\`\`\n`, false),
];

/** 4. Templates: placeholders expected (info at most); a real-looking token is still a leak. */
const TEMPLATES: DevCase[] = [];
for (const [fileName, languageId] of [
  ['.env.example', 'dotenv'],
  ['.env.sample', 'dotenv'],
  ['.env.template', 'dotenv'],
  ['config/prod.env.dist', 'dotenv'],
  ['env-template.txt', 'plaintext'],
  ['.env.local.example', 'dotenv'],
  ['example.env', 'dotenv'],
  ['.env.tpl', 'dotenv'],
] as const) {
  TEMPLATES.push(
    c('template', languageId, fileName, `# PredictHQ\nPREDICTHQ_API_TOKEN=«your_token_here»\nPORT=3000\n`, false, {
      counts: anError,
    }),
    c('template', languageId, fileName, `PHQ_ACCESS_TOKEN=«<your PredictHQ token>»\n`, false, { counts: anError }),
    c('template', languageId, fileName, `PHQ_API_TOKEN=«${tok()}»\n`, true, { counts: anError }),
  );
}
TEMPLATES.push(
  c('template', 'toml', '.streamlit/secrets.toml.example', `[predicthq]\napi_key = "«your-api-key»"\n`, false, {
    counts: anError,
  }),
  c('template', 'yaml', 'config.example.yaml', `predicthq:\n  token: «changeme»\n`, false, { counts: anError }),
  c('template', 'toml', '.streamlit/secrets.toml.example', `[predicthq]\napi_key = "«${tok()}»"\n`, true, {
    counts: anError,
  }),
  // Not a template: the same placeholder in the real .env is an error.
  c('template', 'dotenv', '.env', `PREDICTHQ_API_TOKEN=«your_token_here»\n`, true, { counts: anError }),
  c('template', 'dotenv', '.env.production', `PREDICTHQ_API_TOKEN=«changeme»\n`, true, { counts: anError }),
);

/** 5. A token inside a shell command held by another file: a hardcoded-token error whatever else is said. */
const COMMANDS: DevCase[] = [
  c(
    'command-in-file',
    'json',
    '.claude/settings.local.json',
    `{\n  "permissions": {\n    "allow": [\n      "Bash(curl -s -H \\"Authorization: Bearer «${tok()}»\\" \\"https://api.predicthq.com/v1/events/?limit=1\\")"\n    ]\n  }\n}\n`,
    true,
    { counts: hardcodedError },
  ),
  c(
    'command-in-file',
    'json',
    '.claude/settings.local.json',
    `{\n  "permissions": {\n    "allow": [\n      "Bash(vercel -e VITE_PREDICTHQ_KEY=«${key()}»)"\n    ]\n  }\n}\n`,
    true,
    { counts: hardcodedError },
  ),
  c(
    'command-in-file',
    'json',
    '.claude/settings.local.json',
    `{\n  "permissions": {\n    "allow": [\n      "Bash(npx vercel env add PHQ_API_TOKEN production --value «${tok()}»)",\n      "Bash(PHQ_API_TOKEN=«${tok()}» npm run dev)"\n    ]\n  }\n}\n`
      .replace('«', '')
      .replace('»', '')
      .replace(/PHQ_API_TOKEN=(\w+)/, 'PHQ_API_TOKEN=«$1»'),
    true,
    { counts: hardcodedError },
  ),
  c(
    'command-in-file',
    'json',
    'package.json',
    `{\n  "scripts": {\n    "dev": "VITE_PREDICTHQ_API_KEY=«${tok()}» vite"\n  }\n}\n`,
    true,
    { counts: hardcodedError },
  ),
  c(
    'command-in-file',
    'json',
    '.vscode/tasks.json',
    `{\n  "tasks": [\n    { "label": "events", "command": "curl -H 'Authorization: Bearer «${tok()}»' https://api.predicthq.com/v1/events/" }\n  ]\n}\n`,
    true,
    { counts: hardcodedError },
  ),
  c(
    'command-in-file',
    'json',
    '.vscode/tasks.json',
    `{\n  "tasks": [\n    { "label": "events", "command": "#!/bin/sh\\nset -e\\ncurl -H \\"Authorization: Bearer «${tok()}»\\" https://api.predicthq.com/v1/events/\\necho done\\n# ${'padding '.repeat(20)}" }\n  ]\n}\n`,
    true,
    { counts: hardcodedError },
  ),
  c(
    'command-in-file',
    'yaml',
    '.github/workflows/deploy.yml',
    `jobs:\n  deploy:\n    steps:\n      - run: vercel deploy -e VITE_PREDICTHQ_KEY=«${key()}» --prod\n`,
    true,
    { counts: hardcodedError },
  ),
  c(
    'command-in-file',
    md,
    'DEPLOY.md',
    `# Deploy\n\n\`\`\`bash\nvercel -e NEXT_PUBLIC_PHQ_TOKEN=«${tok()}»\n\`\`\`\n`,
    true,
    { counts: hardcodedError },
  ),
  c('command-in-file', 'dotenv', '.env.local', `VITE_PREDICTHQ_KEY=«${key()}»\n`, true, { counts: hardcodedError }),
  c(
    'command-in-file',
    ts,
    'vite.config.ts',
    `// PredictHQ\nexport default { define: { 'import.meta.env.VITE_PHQ_TOKEN': JSON.stringify('«${tok()}»') } };\n`,
    true,
    { counts: hardcodedError },
  ),
  // References in the same places are not tokens.
  c(
    'command-in-file',
    'json',
    '.claude/settings.local.json',
    `{\n  "permissions": {\n    "allow": [\n      "Bash(curl -s -H \\"Authorization: Bearer «$PHQ_API_TOKEN»\\" https://api.predicthq.com/v1/events/)"\n    ]\n  }\n}\n`,
    false,
  ),
  c(
    'command-in-file',
    'json',
    '.claude/settings.local.json',
    `{\n  "permissions": {\n    "allow": [\n      "Bash(vercel -e VITE_PREDICTHQ_KEY=«$VITE_PREDICTHQ_KEY»)"\n    ]\n  }\n}\n`,
    false,
    { counts: hardcodedError },
  ),
  c(
    'command-in-file',
    'json',
    '.claude/settings.local.json',
    `{\n  "permissions": {\n    "allow": [\n      "Bash(git commit -m «\\"Add PHQ_API_TOKEN=... to the README\\"»)"\n    ]\n  }\n}\n`,
    false,
  ),
  c(
    'command-in-file',
    'json',
    'package.json',
    `{\n  "scripts": {\n    "build": "NODE_OPTIONS=«--max-old-space-size=4096» vite build"\n  }\n}\n`,
    false,
  ),
];

/** 6. A token-shaped literal with no name, followed to the sink within the file. */
const UNNAMED: DevCase[] = [
  c(
    'unnamed-literal',
    js,
    'src/events.js',
    `const k = '«${tok()}»';\n\nexport async function events() {\n  const r = await fetch('https://api.predicthq.com/v1/events/', { headers: { Authorization: \`Bearer \${k}\` } });\n  return r.json();\n}\n`,
    true,
  ),
  c(
    'unnamed-literal',
    py,
    'events.py',
    `import requests\n\nPHQ = "«${tok()}»"\n\nr = requests.get("https://api.predicthq.com/v1/events/", headers={"Authorization": f"Bearer {PHQ}"})\n`,
    true,
  ),
  c(
    'unnamed-literal',
    py,
    'events.py',
    `from predicthq import Client\n\nsecret = "«${tok()}»"\nphq = Client(access_token=secret)\n`,
    true,
  ),
  c(
    'unnamed-literal',
    py,
    'events.py',
    `import requests\n\nauth = '«${tok()}»'\nheaders = {"Authorization": "Bearer " + auth}\nrequests.get("https://api.predicthq.com/v1/places", headers=headers)\n`,
    true,
  ),
  c(
    'unnamed-literal',
    ts,
    'src/phq.ts',
    `import Client from 'predicthq';\n\nconst CREDS = "«${tok()}»";\n\nexport const phq = new Client({ access_token: CREDS });\n`,
    true,
  ),
  c(
    'unnamed-literal',
    js,
    'src/phq.js',
    `const settings = {\n  phq: '«${tok()}»',\n};\nconst client = new Client({ access_token: settings.phq }); // predicthq\n`,
    true,
  ),
  // Literals not used as the token, or files that do not call PredictHQ.
  c(
    'unnamed-literal',
    js,
    'src/events.js',
    `const k = '«${tok()}»';\nconst id = k.slice(0, 8);\nfetch('https://api.predicthq.com/v1/events/', { headers: { Authorization: \`Bearer \${token}\` } });\n`,
    false,
  ),
  c(
    'unnamed-literal',
    js,
    'src/other.js',
    `const k = '«${tok()}»';\nfetch('https://api.example.com/v1/things', { headers: { Authorization: \`Bearer \${k}\` } });\n`,
    false,
    { counts: phqAdvice },
  ),
  c(
    'unnamed-literal',
    py,
    'events.py',
    `import requests\n\nCOMMIT = "«${tok()}»"\nr = requests.get("https://api.predicthq.com/v1/events/", headers={"Authorization": f"Bearer {TOKEN}"})\n`,
    false,
  ),
  c('unnamed-literal', py, 'events.py', `# PredictHQ\nphq = "«${tok()}»"\nprint(phq)\n`, false),
];

/** 7. Keys whose name says another service never get PredictHQ advice. */
const OTHERS: DevCase[] = [];
for (const name of [
  'VITE_TICKETMASTER_KEY',
  'VITE_TICKETMASTER_API_KEY',
  'OPENAI_API_KEY',
  'GOOGLE_MAPS_API_KEY',
  'SEATGEEK_CLIENT_TOKEN',
  'MAPBOX_ACCESS_TOKEN',
])
  OTHERS.push(
    c('other-service', 'dotenv', '.env', `# PredictHQ + ${name}\nPHQ_API_TOKEN=\n${name}=«${key()}»\n`, false, {
      counts: phqAdvice,
    }),
    c('other-service', js, 'src/config.js', `// PredictHQ dashboard\nexport const ${name} = '«${key()}»';\n`, false, {
      counts: phqAdvice,
    }),
  );
OTHERS.push(
  c(
    'other-service',
    py,
    'keys.py',
    `import requests  # PredictHQ and Ticketmaster\nticketmaster_api_key = "«${key()}»"\n`,
    false,
    { counts: phqAdvice },
  ),
  c('other-service', 'json', 'appsettings.json', `{ "Ticketmaster": { "ApiKey": "«${key()}»" } }\n`, false, {
    counts: phqAdvice,
  }),
  // The PredictHQ ones next to them are still PredictHQ tokens.
  c('other-service', 'dotenv', '.env', `VITE_TICKETMASTER_KEY=\nVITE_PREDICTHQ_TOKEN=«${tok()}»\n`, true, {
    counts: phqAdvice,
  }),
  c('other-service', js, 'src/config.js', `export const PHQ_API_KEY = '«${tok()}»';\n`, true, { counts: phqAdvice }),
);

export const STRANGERS: DevCase[] = [
  ...NEXT_LINE,
  ...FALLBACK,
  ...UNTAGGED,
  ...TEMPLATES,
  ...COMMANDS,
  ...UNNAMED,
  ...OTHERS,
];
