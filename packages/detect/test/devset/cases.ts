// The labeled development set: occurrences written for this project, modeled on patterns
// seen in public third-party code that calls api.predicthq.com (SDK clients in scripts and
// notebooks, requests/fetch/axios headers, curl in READMEs and CI, Streamlit secrets, .env
// templates, compose files) and on code that has nothing to do with PredictHQ. Nothing here
// is copied: identifiers, values and surrounding code are ours. Token-shaped values are
// generated from a fixed seed and obviously fake (they start with "FAKE").
//
// Each case is one occurrence: a small file with the labeled span marked «...» (the marks are
// removed before scanning), whether it must be flagged, and its category.

import type { Finding } from '../../src';
import { STRANGERS } from './strangers';

export type Category =
  | 'sink-dummy' // 1. a dummy value in a token position
  | 'sink-token' // 1. a real-looking token in a token position
  | 'free-form' // 2. free-form placeholders
  | 'shell-in-files' // 3. shell inside package.json, CI YAML, Dockerfile, compose, Makefile
  | 'config-fences' // 4. config formats and Markdown fences
  | 'documented' // the spellings PredictHQ's docs use ($API_TOKEN, {TOKEN}, ...)
  | 'references' // env / config / secrets lookups and variables in token positions
  | 'unrelated' // 5. code that has nothing to do with PredictHQ tokens
  // Code written by strangers (docs/detection.md, "Code written by strangers"):
  | 'next-line' // s1. the value on the next line
  | 'fallback' // s2. a literal after or / || / ?? / a ternary / a default
  | 'untagged-fence' // s3. Markdown fences without a language
  | 'template' // s4. templates: placeholders expected, tokens still leaks
  | 'command-in-file' // s5. a token in a shell command held by another file
  | 'unnamed-literal' // s6. a token literal with no token name, followed to the sink
  | 'other-service'; // s7. other services' keys get no PredictHQ advice

export interface DevCase {
  category: Category;
  languageId: string;
  fileName: string;
  /** Text with one «...» span. */
  text: string;
  flag: boolean;
  /** Which overlapping findings count as flagging the span (default: any). */
  counts?: (f: Finding) => boolean;
}

/** Obviously fake token-shaped values: "FAKE" + 39 characters from a seeded generator. */
function fakeTokens(n: number): string[] {
  let x = 0x2f6b1d;
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let t = 'FAKE';
    for (let j = 0; j < 39; j++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      t += abc[(x >> 8) % (j === 38 ? 62 : 64)];
    }
    out.push(t);
  }
  return out;
}

interface Ctx {
  languageId: string;
  fileName: string;
  /** The file with a literal value written in the token position (v is the value's text). */
  literal: (v: string) => string;
  /** The same position holding references (each a full replacement, marked). */
  refs: string[];
}

const py = 'python';
const js = 'javascript';
const ts = 'typescript';

/** Token positions in every language and config format; «» marks the value. */
const CONTEXTS: Ctx[] = [
  {
    languageId: py,
    fileName: 'events_report.py',
    literal: (v) =>
      `from predicthq import Client\n\nphq = Client(access_token="«${v}»")\nfor e in phq.events.search(q="jazz"):\n    print(e.title)\n`,
    refs: [
      'from predicthq import Client\nimport os\n\nphq = Client(access_token=«os.environ["PHQ_ACCESS_TOKEN"]»)\n',
      'from predicthq import Client\nimport os\n\nphq = Client(access_token=«os.getenv("PREDICTHQ_TOKEN")»)\n',
      'import streamlit as st\nfrom predicthq import Client\n\nphq = Client(access_token=«st.secrets["phq"]["token"]»)\n',
    ],
  },
  {
    languageId: py,
    fileName: 'fetch_events.py',
    literal: (v) =>
      `import requests\n\nresp = requests.get(\n    "https://api.predicthq.com/v1/events/",\n    headers={"Authorization": "Bearer «${v}»", "Accept": "application/json"},\n    params={"limit": 10},\n)\n`,
    refs: [
      'import requests\n\ntok = load_token()\nresp = requests.get(URL, headers={"Authorization": «f"Bearer {tok}"»})  # api.predicthq.com\n',
      'import requests\n\nresp = requests.get("https://api.predicthq.com/v1/places", headers={"Authorization": «"Bearer " + key»})\n',
      'import requests\n\nheaders = {"Authorization": «"Bearer {}".format(cfg.phq_token)»}  # predicthq\n',
    ],
  },
  {
    languageId: py,
    fileName: 'notebook_export.py',
    literal: (v) => `# PredictHQ demand analysis\nACCESS_TOKEN = '«${v}»'\nphq = Client(access_token=ACCESS_TOKEN)\n`,
    refs: [
      '# PredictHQ demand analysis\nACCESS_TOKEN = «os.environ.get("PHQ_API_TOKEN", "")»\nphq = Client(access_token=ACCESS_TOKEN)\n',
      '# PredictHQ demand analysis\nfrom google.colab import userdata\nACCESS_TOKEN = «userdata.get("PHQ_TOKEN")»\n',
    ],
  },
  {
    languageId: py,
    fileName: 'phq_service.py',
    literal: (v) =>
      `class PredictHQService:\n    BASE = "https://api.predicthq.com/v1"\n\n    def __init__(self, api_key: str = "«${v}»"):\n        self.api_key = api_key\n`,
    refs: [
      'class PredictHQService:\n    def __init__(self, api_key: str = «None»):\n        self.api_key = api_key or os.environ["PHQ_API_TOKEN"]\n',
      'class PredictHQService:\n    def __init__(self, settings):\n        self.api_key = «settings.predicthq_api_key»\n',
    ],
  },
  {
    languageId: py,
    fileName: 'phq_client.py',
    literal: (v) =>
      `import os\nimport requests\n\nTOKEN = os.getenv("PHQ_API_TOKEN", "«${v}»")\nrequests.get("https://api.predicthq.com/v1/events/", headers={"Authorization": f"Bearer {TOKEN}"})\n`,
    refs: [
      'import os\n\nTOKEN = os.getenv("PHQ_API_TOKEN", «DEFAULT_TOKEN»)\n',
      'import os\n\nTOKEN = os.environ.get("PREDICTHQ_ACCESS_TOKEN", «settings.phq_token»)\n',
    ],
  },
  {
    languageId: js,
    fileName: 'server/phqEvents.js',
    literal: (v) =>
      `const token = process.env.PHQ_API_TOKEN || '«${v}»';\nconst res = await fetch('https://api.predicthq.com/v1/events/', { headers: { Authorization: \`Bearer \${token}\` } });\n`,
    refs: ["const token = process.env.PHQ_API_TOKEN ?? «readSecret('phq')»;\n"],
  },
  {
    languageId: 'restructuredtext',
    fileName: 'README.rst',
    literal: (v) =>
      `Usage\n=====\n\n.. code-block:: python\n\n    from predicthq import Client\n\n    phq = Client(access_token="«${v}»")\n\nSee the docs.\n`,
    refs: [
      'Usage\n=====\n\n.. code-block:: python\n\n    import os\n    phq = Client(access_token=«os.environ["PHQ_ACCESS_TOKEN"]»)\n',
    ],
  },
  {
    languageId: js,
    fileName: 'src/phq.js',
    literal: (v) => `import Client from 'predicthq';\n\nconst phq = new Client({ access_token: '«${v}»' });\n`,
    refs: [
      "import Client from 'predicthq';\n\nconst phq = new Client({ access_token: «process.env.PHQ_ACCESS_TOKEN» });\n",
      "const Client = require('predicthq');\nconst phq = new Client({ access_token: «config.get('predicthq.token')» });\n",
    ],
  },
  {
    languageId: ts,
    fileName: 'src/lib/events.ts',
    literal: (v) =>
      `export async function searchEvents(q: string) {\n  const res = await fetch(\`https://api.predicthq.com/v1/events/?q=\${q}\`, {\n    headers: { Authorization: 'Bearer «${v}»', Accept: 'application/json' },\n  });\n  return res.json();\n}\n`,
    refs: [
      'export async function searchEvents(q: string) {\n  const res = await fetch(`https://api.predicthq.com/v1/events/?q=${q}`, {\n    headers: { Authorization: «`Bearer ${process.env.PHQ_API_TOKEN}`» },\n  });\n}\n',
      "const token = await getSecret('phq');\nconst res = await fetch('https://api.predicthq.com/v1/places', { headers: { Authorization: «'Bearer ' + token» } });\n",
    ],
  },
  {
    languageId: ts,
    fileName: 'src/config.ts',
    literal: (v) => `// PredictHQ settings\nexport const PREDICTHQ_API_KEY = "«${v}»";\n`,
    refs: ['// PredictHQ settings\nexport const PREDICTHQ_API_KEY = «process.env.PREDICTHQ_API_KEY ?? ""»;\n'],
  },
  {
    languageId: 'json',
    fileName: 'analysis.ipynb',
    literal: (v) =>
      `{\n "cells": [\n  {\n   "cell_type": "code",\n   "source": [\n    "from predicthq import Client\\n",\n    "phq = Client(access_token=\\"«${v}»\\")\\n"\n   ]\n  }\n ]\n}\n`,
    refs: [
      '{\n "cells": [\n  {\n   "cell_type": "code",\n   "source": [\n    "from predicthq import Client\\n",\n    "phq = Client(access_token=«os.environ[\\"PHQ_API_TOKEN\\"]»)\\n"\n   ]\n  }\n ]\n}\n',
    ],
  },
  {
    languageId: 'shellscript',
    fileName: 'scripts/check-token.sh',
    literal: (v) =>
      `#!/bin/sh\ncurl -s -H "Authorization: Bearer «${v}»" "https://api.predicthq.com/v1/events/?limit=1"\n`,
    refs: [
      '#!/bin/sh\ncurl -s -H "Authorization: Bearer «$PHQ_API_TOKEN»" "https://api.predicthq.com/v1/events/?limit=1"\n',
      '#!/bin/sh\ncurl -s -H "Authorization: Bearer «${PREDICTHQ_ACCESS_TOKEN}»" https://api.predicthq.com/v1/places\n',
      '#!/bin/sh\nTOKEN="$(pass show phq)"\ncurl -H «"Authorization: Bearer $TOKEN"» https://api.predicthq.com/v1/events/\n',
    ],
  },
  {
    languageId: 'shellscript',
    fileName: 'env.sh',
    literal: (v) => `# PredictHQ\nexport PHQ_API_TOKEN="«${v}»"\n`,
    refs: ['# PredictHQ\nexport PHQ_API_TOKEN=«"$(op read op://dev/phq/token)"»\n'],
  },
  {
    languageId: 'http',
    fileName: 'requests/events.http',
    literal: (v) =>
      `GET https://api.predicthq.com/v1/events/?limit=5\nAuthorization: Bearer «${v}»\nAccept: application/json\n`,
    refs: ['GET https://api.predicthq.com/v1/events/?limit=5\nAuthorization: Bearer «{{phqToken}}»\n'],
  },
  {
    languageId: 'dotenv',
    fileName: '.env.example',
    literal: (v) => `DATABASE_URL=postgres://localhost/app\nPHQ_API_TOKEN=«${v}»\n`,
    refs: ['DATABASE_URL=postgres://localhost/app\nPHQ_API_TOKEN=«${VAULT_PHQ_TOKEN}»\n'],
  },
  {
    languageId: 'dotenv',
    fileName: '.env',
    literal: (v) => `PREDICTHQ_ACCESS_TOKEN="«${v}»"\n`,
    refs: ['PREDICTHQ_ACCESS_TOKEN=«$PHQ_TOKEN_FROM_CI»\n'],
  },
  {
    languageId: 'toml',
    fileName: '.streamlit/secrets.toml',
    literal: (v) => `[predicthq]\napi_key = "«${v}»"\n`,
    refs: [],
  },
  {
    languageId: 'toml',
    fileName: 'config/settings.toml',
    literal: (v) => `[services]\nPHQ_API_TOKEN = "«${v}»"\n`,
    refs: [],
  },
  {
    languageId: 'ini',
    fileName: 'predicthq.conf',
    literal: (v) => `[DEFAULT]\naccess_token = «${v}»\n`,
    refs: [],
  },
  {
    languageId: 'ini',
    fileName: 'setup.cfg',
    literal: (v) => `[predicthq]\ntoken = «${v}»\n`,
    refs: ['[predicthq]\ntoken = «%(PHQ_TOKEN)s»\n'],
  },
  {
    languageId: 'yaml',
    fileName: 'config/app.yaml',
    literal: (v) => `predicthq:\n  base_url: https://api.predicthq.com\n  api_token: "«${v}»"\n`,
    refs: ['predicthq:\n  api_token: «${PHQ_API_TOKEN}»\n', 'predicthq:\n  api_token: «"{{ vault_phq_token }}"»\n'],
  },
  {
    languageId: 'yaml',
    fileName: '.github/workflows/events.yml',
    literal: (v) => `jobs:\n  fetch:\n    runs-on: ubuntu-latest\n    env:\n      PHQ_API_TOKEN: «${v}»\n`,
    refs: ['jobs:\n  fetch:\n    env:\n      PHQ_API_TOKEN: «${{ secrets.PHQ_API_TOKEN }}»\n'],
  },
  {
    languageId: 'json',
    fileName: 'appsettings.json',
    literal: (v) => `{\n  "PredictHQ": {\n    "AccessToken": "«${v}»"\n  }\n}\n`,
    refs: [],
  },
  {
    languageId: 'properties',
    fileName: 'application.properties',
    literal: (v) => `predicthq.api.token=«${v}»\n`,
    refs: ['predicthq.api.token=«${PHQ_API_TOKEN}»\n'],
  },
  {
    languageId: 'dockerfile',
    fileName: 'Dockerfile',
    literal: (v) => `FROM python:3.12-slim\nENV PHQ_API_TOKEN=«${v}»\n`,
    refs: ['FROM python:3.12-slim\nARG PHQ_API_TOKEN\nENV PHQ_API_TOKEN=«$PHQ_API_TOKEN»\n'],
  },
  {
    languageId: 'markdown',
    fileName: 'README.md',
    literal: (v) =>
      `# Events dashboard\n\nUses the PredictHQ API.\n\n\`\`\`python\nfrom predicthq import Client\nphq = Client(access_token="«${v}»")\n\`\`\`\n`,
    refs: [
      '# Events dashboard\n\n```python\nfrom predicthq import Client\nphq = Client(access_token=«os.environ["PHQ_API_TOKEN"]»)\n```\n',
    ],
  },
  {
    languageId: 'markdown',
    fileName: 'docs/setup.md',
    literal: (v) =>
      `## Calling PredictHQ\n\n\`\`\`bash\ncurl -H "Authorization: Bearer «${v}»" https://api.predicthq.com/v1/events/\n\`\`\`\n`,
    refs: [
      '## Calling PredictHQ\n\n```bash\ncurl -H "Authorization: Bearer «$PHQ_API_TOKEN»" https://api.predicthq.com/v1/events/\n```\n',
    ],
  },
  {
    languageId: py,
    fileName: 'tests/test_client.py',
    literal: (v) =>
      `from predicthq import Client\n\n\ndef test_search(mocker):\n    phq = Client(access_token="«${v}»")\n`,
    refs: [
      'from predicthq import Client\n\n\ndef test_search(token_fixture):\n    phq = Client(access_token=«token_fixture»)\n',
    ],
  },
];

const PY_NAMES = ['token', 'api_key', 'access_token', 'PHQ_API_TOKEN', 'phq_token', 'self.api_token', 'ACCESS_TOKEN'];
const PY_REFS = [
  'os.environ["PHQ_API_TOKEN"]',
  'os.getenv("PHQ_TOKEN", "")',
  'settings.PHQ_API_TOKEN',
  'get_token()',
  'None',
  'args.token',
  'keyring.get_password("predicthq", "token")',
  'st.secrets["PHQ_TOKEN"]',
];
const JS_NAMES = ['token', 'apiKey', 'accessToken', 'PHQ_API_TOKEN', 'phqToken'];
const JS_REFS = [
  'process.env.PHQ_API_TOKEN',
  'await secrets.get("phq")',
  'config.phqToken',
  'options.token ?? ""',
  'readFileSync(tokenPath, "utf8").trim()',
  'core.getInput("phq-token")',
];

const DUMMY = [
  'xyz789',
  'my-token',
  'changeme',
  'test',
  'abc123',
  '123456',
  'xxxx',
  'dummy',
  'secret',
  'token123',
  'foo',
  'qwerty12',
];
const FREE_FORM = [
  '<YOUR TOKEN HERE>',
  '<your PredictHQ token>',
  '[my_api_token]',
  '{your-api-key}',
  'YOUR-TOKEN',
  'your_token_here',
  'INSERT_TOKEN_HERE',
  'ENTER-YOUR-KEY',
  'put-your-token-here',
  'Your Api Token',
];

export function devCases(): DevCase[] {
  const out: DevCase[] = [];
  const add = (category: Category, c: { languageId: string; fileName: string }, text: string, flag: boolean): void => {
    out.push({ category, languageId: c.languageId, fileName: c.fileName, text, flag });
  };
  const tokens = fakeTokens(CONTEXTS.length);
  CONTEXTS.forEach((c, i) => {
    for (let j = 0; j < 4; j++) add('sink-dummy', c, c.literal(DUMMY[(i + j * 3) % DUMMY.length]!), true);
    for (let j = 0; j < 3; j++) add('free-form', c, c.literal(FREE_FORM[(i + j * 3) % FREE_FORM.length]!), true);
    add('sink-token', c, c.literal(tokens[i]!), true);
    // An empty value is a template to fill in (.env.example, secrets.toml): nothing is sent.
    add('references', c, c.literal(''), false);
    for (const r of c.refs) add('references', c, r, false);
  });
  for (const name of PY_NAMES)
    for (const expr of PY_REFS)
      add(
        'references',
        { languageId: py, fileName: 'phq_client.py' },
        `# PredictHQ client\n${name} = «${expr}»\n`,
        false,
      );
  for (const name of JS_NAMES)
    for (const expr of JS_REFS)
      add(
        'references',
        { languageId: ts, fileName: 'src/phq.ts' },
        `// PredictHQ client\nconst ${name} = «${expr}»;\n`,
        false,
      );
  out.push(...SHELL_IN_FILES, ...CONFIG_FENCES, ...DOCUMENTED, ...UNRELATED, ...STRANGERS);
  return out;
}

const c = (category: Category, languageId: string, fileName: string, text: string, flag: boolean): DevCase => ({
  category,
  languageId,
  fileName,
  text,
  flag,
});

const SHELL_IN_FILES: DevCase[] = [
  c(
    'shell-in-files',
    'json',
    'package.json',
    '{\n  "scripts": {\n    "events": "curl -H \\"Authorization: Bearer «${API_TOKEN}»\\" https://api.predicthq.com/v1/events/"\n  }\n}\n',
    false,
  ),
  c(
    'shell-in-files',
    'json',
    'package.json',
    '{\n  "scripts": {\n    "probe": "node probe.js --token «$PHQ_API_TOKEN»"\n  }\n}\n',
    false,
  ),
  c(
    'shell-in-files',
    'json',
    'package.json',
    '{\n  "scripts": {\n    "probe": "curl -H \\"Authorization: Bearer «$ACCESS_TOKEN»\\" https://api.predicthq.com/v1/places"\n  }\n}\n',
    false,
  ),
  c(
    'shell-in-files',
    'yaml',
    '.github/workflows/probe.yml',
    'steps:\n  - name: Probe\n    run: curl -H "Authorization: Bearer «${API_TOKEN}»" https://api.predicthq.com/v1/events/\n',
    false,
  ),
  c(
    'shell-in-files',
    'yaml',
    '.github/workflows/probe.yml',
    'steps:\n  - run: |\n      curl -sf -H "Authorization: Bearer «$PHQ_API_TOKEN»" \\\n        https://api.predicthq.com/v1/events/?limit=1\n',
    false,
  ),
  c(
    'shell-in-files',
    'yaml',
    '.gitlab-ci.yml',
    'probe:\n  script:\n    - curl -H "Authorization: Bearer «$API_TOKEN»" https://api.predicthq.com/v1/events/\n',
    false,
  ),
  c(
    'shell-in-files',
    'yaml',
    '.gitlab-ci.yml',
    'probe:\n  script:\n    - export AUTH="Bearer «${ACCESS_TOKEN}»"\n',
    false,
  ),
  c(
    'shell-in-files',
    'dockerfile',
    'Dockerfile',
    'FROM alpine\nRUN curl -H "Authorization: Bearer «$API_TOKEN»" https://api.predicthq.com/v1/events/\n',
    false,
  ),
  c(
    'shell-in-files',
    'dockerfile',
    'Dockerfile',
    'FROM alpine\nRUN curl -H "Authorization: Bearer «${PHQ_API_TOKEN}»" https://api.predicthq.com/v1/events/\n',
    false,
  ),
  c(
    'shell-in-files',
    'yaml',
    'docker-compose.yml',
    'services:\n  probe:\n    image: curlimages/curl\n    command: curl -H "Authorization: Bearer «$$API_TOKEN»" https://api.predicthq.com/v1/events/\n',
    false,
  ),
  c(
    'shell-in-files',
    'yaml',
    'docker-compose.yml',
    'services:\n  app:\n    environment:\n      PHQ_API_TOKEN: «${PHQ_API_TOKEN}»\n',
    false,
  ),
  c(
    'shell-in-files',
    'makefile',
    'Makefile',
    'probe:\n\tcurl -H "Authorization: Bearer «$(API_TOKEN)»" https://api.predicthq.com/v1/events/\n',
    false,
  ),
  c(
    'shell-in-files',
    'makefile',
    'Makefile',
    'probe:\n\tcurl -H "Authorization: Bearer «$${PHQ_API_TOKEN}»" https://api.predicthq.com/v1/events/\n',
    false,
  ),
  // Sent as written even there:
  c(
    'shell-in-files',
    'yaml',
    '.github/workflows/probe.yml',
    "steps:\n  - run: curl -H 'Authorization: Bearer «$API_TOKEN»' https://api.predicthq.com/v1/events/\n",
    true,
  ),
  c(
    'shell-in-files',
    'dockerfile',
    'Dockerfile',
    'FROM alpine\nCMD ["curl", "-H", "Authorization: Bearer «$API_TOKEN»", "https://api.predicthq.com/v1/events/"]\n',
    true,
  ),
  c(
    'shell-in-files',
    'yaml',
    '.gitlab-ci.yml',
    "probe:\n  script:\n    - curl -H 'Authorization: Bearer «${API_TOKEN}»' https://api.predicthq.com/v1/events/\n",
    true,
  ),
  c(
    'shell-in-files',
    'makefile',
    'Makefile',
    "probe:\n\tcurl -H 'Authorization: Bearer «<api_token>»' https://api.predicthq.com/v1/events/\n",
    true,
  ),
  c(
    'shell-in-files',
    'yaml',
    'docker-compose.yml',
    'services:\n  app:\n    environment:\n      PHQ_API_TOKEN: «changeme»\n',
    true,
  ),
  c('shell-in-files', 'yaml', '.github/workflows/probe.yml', 'env:\n  PHQ_API_TOKEN: «your-token-here»\n', true),
];

const CONFIG_FENCES: DevCase[] = [
  c(
    'config-fences',
    'markdown',
    'README.md',
    '# Setup (PredictHQ)\n\n```toml\n[predicthq]\napi_key = "«your-api-key»"\n```\n',
    true,
  ),
  c(
    'config-fences',
    'markdown',
    'README.md',
    '# Setup\n\n```ini\n[DEFAULT]\nPHQ_ACCESS_TOKEN = «<token>»\n```\n',
    true,
  ),
  c('config-fences', 'markdown', 'README.md', '# Setup\n\n```cfg\n[predicthq]\naccess_token = «changeme»\n```\n', true),
  c(
    'config-fences',
    'markdown',
    'README.md',
    '# Setup\n\n```conf\naccess_token = «xxxx»\n```\nSave it as predicthq.conf.\n',
    true,
  ),
  c('config-fences', 'markdown', 'README.md', '# Setup\n\n```properties\npredicthq.token=«REPLACE_ME»\n```\n', true),
  c('config-fences', 'markdown', 'README.md', '# Setup\n\n```env\nPHQ_API_TOKEN=«your_token»\n```\n', true),
  c('config-fences', 'markdown', 'README.md', '# Setup\n\n```dotenv\nPREDICTHQ_API_KEY=«abc123»\n```\n', true),
  c('config-fences', 'markdown', 'README.md', '# Setup\n\n```yaml\npredicthq:\n  token: «<YOUR TOKEN>»\n```\n', true),
  c('config-fences', 'markdown', 'README.md', '# Setup\n\n```json\n{ "phqToken": "«test»" }\n```\n', true),
  c('config-fences', 'markdown', 'README.md', '# Setup\n\n```env\nPHQ_API_TOKEN=«»\n```\nFill in your token.\n', false),
  c(
    'config-fences',
    'markdown',
    'README.md',
    '# Setup\n\n```toml\n[predicthq]\napi_key = «""»  # set in Streamlit Cloud\n```\n',
    false,
  ),
  c('config-fences', 'markdown', 'README.md', '# Setup\n\n```env\nPHQ_API_TOKEN=«${PHQ_API_TOKEN}»\n```\n', false),
  c(
    'config-fences',
    'markdown',
    'README.md',
    '# Setup (PredictHQ)\n\n```toml\n[openai]\nOPENAI_API_KEY = "«your-openai-key»"\n```\n',
    false,
  ),
  c('config-fences', 'toml', '.streamlit/secrets.toml', '[predicthq]\napi_key = «""»\n', false),
  c('config-fences', 'toml', '.streamlit/secrets.toml', '[openai]\nOPENAI_API_KEY = "«sk-your-key»"\n', false),
  c('config-fences', 'ini', 'settings.cfg', '[predicthq]\nendpoint = «https://api.predicthq.com»\n', false),
  c('config-fences', 'properties', 'app.properties', 'predicthq.timeout=«30»\n', false),
  c('config-fences', 'yaml', 'values.yaml', 'predicthq:\n  tokenSecretName: «phq-token»\n', false),
];

const DOCUMENTED: DevCase[] = [
  c('documented', py, 'a.py', 'headers = {"Authorization": "Bearer «$API_TOKEN»"}\n', true),
  c('documented', py, 'a.py', 'phq = Client(access_token="«$ACCESS_TOKEN»")\n', true),
  c('documented', js, 'a.js', "fetch(u, { headers: { Authorization: 'Bearer «{TOKEN}»' } });\n", true),
  c('documented', js, 'a.js', 'const phq = new Client({ access_token: "«ACCESS_TOKEN»" }); // predicthq\n', true),
  c(
    'documented',
    'shellscript',
    'a.sh',
    "curl -H 'Authorization: Bearer «$API_TOKEN»' https://api.predicthq.com/v1/events/\n",
    true,
  ),
  c('documented', py, 'a.py', 'url = "https://api.predicthq.com/v1/events/?token=«<api_token>»"\n', true),
  c('documented', 'markdown', 'README.md', '```python\nphq = Client(access_token="«Acc3sS-t0keN»")\n```\n', true),
  c('documented', 'yaml', 'x.yaml', 'authorization: "Bearer «YOUR_PREDICTHQ_API_TOKEN»"\n', true),
  c('documented', py, 'a.py', 'h = f"Bearer «{api_token}»"\n', false),
  c('documented', js, 'a.js', 'const h = `Bearer «${API_TOKEN}»`;\n', false),
  c(
    'documented',
    'shellscript',
    'a.sh',
    'curl -H "Authorization: Bearer «$API_TOKEN»" https://api.predicthq.com/v1/events/\n',
    false,
  ),
  c('documented', py, 'a.py', 'token = os.environ[«"API_TOKEN"»]\n', false),
  c('documented', 'dotenv', '.env', 'PHQ_API_TOKEN=«$ACCESS_TOKEN»\n', false),
  c(
    'documented',
    'http',
    'a.http',
    'GET https://api.predicthq.com/v1/events/\nAuthorization: Bearer «{{API_TOKEN}}»\n',
    false,
  ),
];

/** Code with nothing to do with PredictHQ tokens, or token words in harmless places. */
const UNRELATED: DevCase[] = [
  c(
    'unrelated',
    js,
    'lib/auth.js',
    'throw new Error("«Bearer token» authentication is not permitted for non-TLS protected (non-https) URLs.");\n',
    false,
  ),
  c(
    'unrelated',
    ts,
    'src/policy.ts',
    'export const apiKeyAuthenticationPolicyName = "«apiKeyAuthenticationPolicy»";\n',
    false,
  ),
  c(
    'unrelated',
    ts,
    'src/names.ts',
    'const bearerTokenAuthenticationPolicyName = "«bearerTokenAuthenticationPolicy»";\n',
    false,
  ),
  c('unrelated', js, 'lib/lexer.js', 'const tokenType = "«punctuator»";\n', false),
  c('unrelated', py, 'nlp.py', 'tokenizer = AutoTokenizer.from_pretrained("«bert-base-uncased»")\n', false),
  c('unrelated', py, 'llm.py', 'OPENAI_API_KEY = "«your-openai-key»"\n', false),
  c('unrelated', py, 'gh.py', 'GITHUB_TOKEN = "«ghp_example»"  # not predicthq\n', false),
  c('unrelated', js, 'lib/csrf.js', 'const csrfToken = "«abc123»";\n', false),
  c('unrelated', js, 'lib/page.js', 'const nextPageToken = "«CAoQAA»";\n', false),
  c('unrelated', py, 'cache.py', 'session_token = "«123e4567-e89b-12d3-a456-426614174000»"\n', false),
  c('unrelated', py, 'digest.py', 'api_key_hash = "«d41d8cd98f00b204e9800998ecf8427e»"\n', false),
  c('unrelated', js, 'lib/help.js', "program.option('-p, --pat «<token>»', 'Personal Access Token');\n", false),
  c(
    'unrelated',
    'markdown',
    'docs/logging.md',
    '```js\nconst transport = pino.transport({ target: "x", options: { token: «"YOUR-TOKEN"» } })\n```\n',
    false,
  ),
  c('unrelated', js, 'test/inject.test.js', "inject(app, { headers: { authorization: '«Bearer token»' } });\n", false),
  c('unrelated', 'powershell', 'get.ps1', '«$token» = Get-AzAccessToken -ResourceUrl $url\n', false),
  c('unrelated', js, 'lib/regex.js', 'const re = /«(?<token>[\\w]{16,})»/;\n', false),
  c('unrelated', py, 'docs.py', '"""\nArgs:\n    api_key (str): «Your API key» for the service.\n"""\n', false),
  c(
    'unrelated',
    js,
    'dist/bundle.js.map',
    '{"sourcesContent":["const x = 1;\\nfunction f(token) {\\n  return fetch(u, { headers: { Authorization: `Bearer «${token}»` } });\\n}\\nmodule.exports = f;\\n// padding padding padding padding padding padding padding padding padding padding padding padding\\n"]}\n',
    false,
  ),
  c(
    'unrelated',
    'yaml',
    'ci.yml',
    'steps:\n  - uses: actions/checkout@v4\n    with:\n      token: «${{ secrets.GITHUB_TOKEN }}»\n',
    false,
  ),
  c('unrelated', py, 'tok.py', 'if token == «"EOF"»:\n    break\n', false),
  c('unrelated', js, 'lexer.js', 'const token = «this.next()»;\n', false),
  c('unrelated', py, 'jwt_util.py', 'access_token = «create_access_token(identity=user.id)»\n', false),
  c('unrelated', 'markdown', 'CHANGELOG.md', '- Fixed refreshing the «Bearer token» after expiry.\n', false),
  c('unrelated', 'plaintext', 'notes.txt', 'The API expects a «Bearer token» in the Authorization header.\n', false),
  c('unrelated', js, 'lib/keys.js', 'const primaryKey = "«user_id»";\n', false),
  c('unrelated', py, 'stripe_pay.py', 'stripe.api_key = "«sk_test_your_key»"  # stripe test mode\n', false),
];
