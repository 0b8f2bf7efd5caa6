// Table-driven: per language, every flagged form with its exact range, and must-not-flag
// forms in the same sample (the expected list is complete, so any extra finding fails).
import assert from 'node:assert/strict';
import { scan } from '../src';
import { at, fakeToken, summary, type Expect } from './helpers';

const P = 'phq/placeholder';
const H = 'phq/hardcoded-token';

interface Case {
  name: string;
  languageId: string;
  fileName?: string;
  text: string;
  /** [needle, rule, nth occurrence] */
  flagged: [string, string, number?][];
}

const T = fakeToken();

const cases: Case[] = [
  {
    name: 'Python: literals flagged; f-string, .format, os.environ, look-alikes not',
    languageId: 'python',
    text: [
      'h1 = {"Authorization": "Bearer $API_TOKEN"}',
      "h2 = 'Bearer ${ACCESS_TOKEN}'",
      'h3 = "Bearer {api_token}"',
      'h4 = f"Bearer {api_token}"',
      'h5 = "Bearer {api_token}".format(api_token=t)',
      'h6 = os.environ["API_TOKEN"]',
      'h7 = "$ACCESS_TOKEN_TTL"',
      'h8 = f"Bearer {{TOKEN}}"',
      'h9 = "Bearer <api_token>" + "[api_token]"',
      'h10 = "Bearer YOUR_API_TOKEN"',
      'h11 = "Bearer TOKEN"',
      'c = Client(access_token="Acc3sS-t0keN")',
      '# "Bearer $API_TOKEN" in a comment',
      'doc = """',
      'Bearer {PHQ_API_TOKEN}',
      '"""',
      `api_token = "${T}"`,
      'session_token = "123e4567-e89b-12d3-a456-426614174000"',
      'api_key = "d41d8cd98f00b204e9800998ecf8427e"',
      'token = "short"',
      'tokenizer_name = "bert-base-multilingual-cased-v2"',
    ].join('\n'),
    flagged: [
      ['$API_TOKEN', P],
      ['${ACCESS_TOKEN}', P],
      ['{api_token}', P, 0],
      ['{{TOKEN}}', P],
      ['<api_token>', P],
      ['[api_token]', P],
      ['YOUR_API_TOKEN', P],
      ['h11 = "Bearer |TOKEN', P],
      ['Acc3sS-t0keN', P],
      ['{PHQ_API_TOKEN}', P],
      [T, H],
      // The file is about PredictHQ (PHQ_API_TOKEN above), so api_key and token are its token
      // sinks: "short" cannot be a token (a digest or a UUID is an id, not reported).
      ['short', 'phq/dummy-token'],
    ],
  },
  {
    name: 'JavaScript: quotes flagged; template interpolation, process.env and regex literals not',
    languageId: 'javascript',
    text: [
      "const a = 'Bearer $API_TOKEN';",
      'const b = `Bearer ${API_TOKEN}`;',
      'const c = `Bearer $ACCESS_TOKEN`;',
      'const d = process.env.API_TOKEN;',
      'const e = "Bearer {TOKEN}";',
      'const re = /Bearer $API_TOKEN/;',
      '/* Bearer $API_TOKEN */',
      'const f = `multi',
      'line {api_token} ${ `nested $API_TOKEN` } end`;',
      `const g = { apiKey: '${T}' };`,
      'const h = { Authorization: `Bearer ${token}` };',
    ].join('\n'),
    flagged: [
      ['$API_TOKEN', P, 0],
      ['$ACCESS_TOKEN', P],
      ['{TOKEN}', P],
      ['{api_token}', P],
      ['$API_TOKEN', P, 3],
      [T, H],
    ],
  },
  {
    name: 'TypeScript behaves as JavaScript',
    languageId: 'typescript',
    text: "const headers: Record<string, string> = { Authorization: 'Bearer <TOKEN>' };\nconst ok = `${PHQ_API_TOKEN}`;",
    flagged: [['<TOKEN>', P]],
  },
  {
    name: 'Java: string literals and text blocks',
    languageId: 'java',
    text: [
      'String h = "Bearer $API_TOKEN";',
      'String t = System.getenv("API_TOKEN");',
      'String b = """',
      '  Authorization: Bearer {API_TOKEN}',
      '  """;',
      '// "Bearer $API_TOKEN"',
    ].join('\n'),
    flagged: [
      ['$API_TOKEN', P],
      ['{API_TOKEN}', P],
    ],
  },
  {
    name: 'Go: interpreted and raw strings',
    languageId: 'go',
    text: [
      'req.Header.Set("Authorization", "Bearer $API_TOKEN")',
      'tok := os.Getenv("API_TOKEN")',
      'body := `{"token": "YOUR_API_TOKEN"}`',
      `apiToken := "${T}"`,
    ].join('\n'),
    flagged: [
      ['$API_TOKEN', P],
      ['YOUR_API_TOKEN', P],
      [T, H],
    ],
  },
  {
    name: 'Ruby: #{} interpolation is code, $NAME in a string is literal',
    languageId: 'ruby',
    text: [
      'h = { "Authorization" => "Bearer $API_TOKEN" }',
      'g = "Bearer #{ENV[\'API_TOKEN\']}"',
      "s = 'Bearer {api_token}'",
      'x = ENV["API_TOKEN"]',
    ].join('\n'),
    flagged: [
      ['$API_TOKEN', P],
      ['{api_token}', P],
    ],
  },
  {
    name: 'PHP: double quotes interpolate $variables, single quotes do not',
    languageId: 'php',
    text: [
      '$h = "Authorization: Bearer $API_TOKEN";',
      "$s = 'Authorization: Bearer $API_TOKEN';",
      "$t = getenv('API_TOKEN');",
    ].join('\n'),
    flagged: [['$API_TOKEN', P, 1]],
  },
  {
    name: 'C#: $"{name}" interpolates, plain and verbatim strings do not',
    languageId: 'csharp',
    text: [
      'var a = "Bearer $API_TOKEN";',
      'var b = $"Bearer {apiToken}";',
      'var c = @"Bearer {API_TOKEN}";',
      'var d = $"Bearer {{API_TOKEN}}";',
    ].join('\n'),
    flagged: [
      ['$API_TOKEN', P],
      ['{API_TOKEN}', P],
      ['{{API_TOKEN}}', P],
    ],
  },
  {
    name: 'Rust: {name} may be a format argument, $NAME is literal',
    languageId: 'rust',
    text: [
      'let h = format!("Bearer {api_token}");',
      'let s = "Bearer $ACCESS_TOKEN";',
      'let r = r#"Bearer <api_token>"#;',
      "fn f<'a>(x: &'a str) {}",
    ].join('\n'),
    flagged: [
      ['$ACCESS_TOKEN', P],
      ['<api_token>', P],
    ],
  },
  {
    name: 'Shell: double quotes and bare words expand, single quotes and heredoc with quoted tag do not',
    languageId: 'shellscript',
    text: [
      'curl -H "Authorization: Bearer $API_TOKEN" https://api.predicthq.com/v1/events/',
      "curl -H 'Authorization: Bearer $API_TOKEN' https://api.predicthq.com/v1/events/",
      'curl -H "Authorization: Bearer ${ACCESS_TOKEN}" x',
      'curl -H "Authorization: Bearer {API_TOKEN}" x',
      'echo $ACCESS_TOKEN # Bearer $API_TOKEN',
      'echo "$ACCESS_TOKEN_TTL"',
      "cat <<'EOF'",
      'Authorization: Bearer $API_TOKEN',
      'EOF',
      'cat <<EOF',
      'Authorization: Bearer $API_TOKEN',
      'EOF',
      `export PHQ_API_TOKEN=${T}`,
    ].join('\n'),
    flagged: [
      ['$API_TOKEN', P, 1],
      ['{API_TOKEN}', P],
      ['$API_TOKEN', P, 3],
      [T, H],
    ],
  },
  {
    name: 'Dockerfile: shell forms expand, exec-form JSON arrays do not',
    languageId: 'dockerfile',
    fileName: 'Dockerfile',
    text: [
      'ARG API_TOKEN',
      'ENV TOKEN=$API_TOKEN',
      'RUN curl -H "Authorization: Bearer $API_TOKEN" x',
      'CMD ["curl", "-H", "Authorization: Bearer $API_TOKEN", "x"]',
    ].join('\n'),
    flagged: [['$API_TOKEN', P, 2]],
  },
  {
    name: 'Makefile: make and shell expand every $ form',
    languageId: 'makefile',
    fileName: 'Makefile',
    text: [
      'call:',
      '\tcurl -H "Authorization: Bearer $(API_TOKEN)" x',
      "\tcurl -H 'Authorization: Bearer $$API_TOKEN' x",
      '\tcurl -H "Bearer $API_TOKEN" x',
    ].join('\n'),
    flagged: [],
  },
  {
    name: 'JSON values',
    languageId: 'json',
    text: `{\n  "headers": { "Authorization": "Bearer $API_TOKEN" },\n  "apiToken": "YOUR_PREDICTHQ_API_TOKEN",\n  "api_token": "${T}",\n  "requestToken": "123e4567-e89b-12d3-a456-426614174000"\n}`,
    flagged: [
      ['$API_TOKEN', P],
      ['YOUR_PREDICTHQ_API_TOKEN', P],
      [T, H],
    ],
  },
  {
    name: 'YAML: ${VAR} is expanded by compose/CI, run: scripts are shell, other values literal',
    languageId: 'yaml',
    text: [
      'env:',
      '  TOKEN: ${API_TOKEN}',
      '  OTHER: $API_TOKEN',
      `  api_token: ${T}`,
      'steps:',
      '  - run: curl -H "Authorization: Bearer $API_TOKEN" x',
      '  - run: |',
      '      curl -H "Authorization: Bearer $API_TOKEN" x',
      '  - with:',
      '      header: "Bearer <api_token>"',
      '# Bearer $API_TOKEN',
    ].join('\n'),
    flagged: [
      ['$API_TOKEN', P, 0],
      [T, H],
      ['<api_token>', P],
    ],
  },
  {
    name: 'TOML values',
    languageId: 'toml',
    text: '[predicthq]\naccess_token = "YOUR_API_TOKEN"\n# access_token = "$API_TOKEN"',
    flagged: [['YOUR_API_TOKEN', P]],
  },
  {
    name: '.env: placeholders and tokens flagged, $VAR references expand',
    languageId: 'plaintext',
    fileName: '.env.local',
    text: `PHQ_API_TOKEN=YOUR_API_TOKEN\nTOKEN2=$ACCESS_TOKEN\nTOKEN3="\${API_TOKEN}"\nTOKEN4='$API_TOKEN'\nPHQ_ACCESS_TOKEN=${T}\n# API_TOKEN=<api_token>`,
    flagged: [
      ['YOUR_API_TOKEN', P],
      ['$API_TOKEN', P],
      [T, H],
    ],
  },
  {
    name: 'predicthq.conf (the Python SDK config)',
    languageId: 'plaintext',
    fileName: 'predicthq.conf',
    text: `[predicthq]\naccess_token = ${T}\n; access_token = ${T}`,
    flagged: [[T, H, 0]],
  },
  {
    name: '.http requests: {{VAR}} is a variable, other placeholders are sent',
    languageId: 'http',
    text: [
      'GET https://api.predicthq.com/v1/events/?limit=1',
      'Authorization: Bearer {{PHQ_API_TOKEN}}',
      '',
      '###',
      '# Bearer $API_TOKEN',
      'GET https://api.predicthq.com/v1/features/',
      'Authorization: Bearer $API_TOKEN',
    ].join('\n'),
    flagged: [['$API_TOKEN', P, 1]],
  },
  {
    name: 'PowerShell: double quotes expand, single quotes do not',
    languageId: 'powershell',
    text: '$h = @{ Authorization = "Bearer $env:API_TOKEN" }\n$s = "Bearer $API_TOKEN"\n$t = \'Bearer $API_TOKEN\'',
    flagged: [['$API_TOKEN', P, 1]],
  },
  {
    name: 'Kotlin: $name interpolates',
    languageId: 'kotlin',
    text: 'val a = "Bearer $API_TOKEN"\nval b = "Bearer {API_TOKEN}"',
    flagged: [['{API_TOKEN}', P]],
  },
  {
    name: 'Plain text: only "Bearer <placeholder>" and tokens after Bearer',
    languageId: 'plaintext',
    text: `Replace $ACCESS_TOKEN with your token.\nAuthorization: Bearer $ACCESS_TOKEN\nAuthorization: Bearer ${T}`,
    flagged: [
      ['$ACCESS_TOKEN', P, 1],
      [T, H],
    ],
  },
];

suite('detection per language (exact ranges, nothing else flagged)', () => {
  for (const c of cases) {
    test(c.name, () => {
      const expected: Expect[] = c.flagged.map(([needle, rule, nth]) => at(c.text, needle, rule, nth ?? 0));
      expected.sort((a, b) => a.line - b.line || a.start - b.start);
      assert.deepEqual(summary(scan(c.text, { languageId: c.languageId, fileName: c.fileName })), expected);
    });
  }
});
