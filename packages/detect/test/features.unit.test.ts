import { API_FAMILIES } from '@phq-tokens/families';
import assert from 'node:assert/strict';
import { envReference, fingerprint, languageFromFileName, maskSecret, scan, type KnownToken } from '../src';
import { at, fakeToken, summary } from './helpers';

suite('markdown', () => {
  const md = [
    '# Guide',
    'Use `Authorization: Bearer $API_TOKEN` in prose.',
    '```python',
    'h = {"Authorization": "Bearer $API_TOKEN"}',
    '```',
    '~~~sh',
    'curl -H "Authorization: Bearer $API_TOKEN" https://api.predicthq.com/v1/events/',
    "curl -H 'Authorization: Bearer $API_TOKEN'",
    '~~~',
    '```',
    'Authorization: Bearer $ACCESS_TOKEN',
    '```',
    'After the fence: "Bearer $API_TOKEN".',
  ].join('\n');

  test('fences are judged by their language at a lower severity; prose is ignored', () => {
    const f = scan(md, { languageId: 'markdown' });
    assert.deepEqual(summary(f), [
      at(md, '$API_TOKEN', 'phq/placeholder-in-docs', 1),
      at(md, '$API_TOKEN', 'phq/placeholder-in-docs', 3),
      at(md, '$ACCESS_TOKEN', 'phq/placeholder-in-docs'),
    ]);
    assert.ok(f.every((x) => x.severity === 'warning'));
    assert.deepEqual(
      f.map((x) => x.data.language),
      ['python', 'shellscript', 'plaintext'],
    );
    assert.equal(f[0]!.data.envReference, 'os.environ["PHQ_API_TOKEN"]');
    assert.equal(f.filter((x) => x.kind === 'endpoint').length, 0, 'documentation does not call endpoints');
  });

  test('markdownProse judges prose too, at info', () => {
    const f = scan(md, { languageId: 'markdown', markdownProse: true }).filter((x) => x.severity === 'info');
    assert.deepEqual(summary(f), [
      at(md, '$API_TOKEN', 'phq/placeholder-in-docs', 0),
      at(md, '$API_TOKEN', 'phq/placeholder-in-docs', 4),
    ]);
  });
});

suite('suppression comments', () => {
  test('phq-ignore on the line and phq-ignore-next-line above', () => {
    const text = [
      'a = "Bearer $API_TOKEN"  # phq-ignore',
      '# phq-ignore-next-line',
      'b = "Bearer $API_TOKEN"',
      'c = "Bearer $API_TOKEN"',
      'd = "Bearer $API_TOKEN"  # phq-ignore phq/hardcoded-token',
      'e = "Bearer $API_TOKEN"  # phq-ignore placeholder',
    ].join('\n');
    assert.deepEqual(summary(scan(text, { languageId: 'python' })), [
      at(text, '$API_TOKEN', 'phq/placeholder', 2),
      at(text, '$API_TOKEN', 'phq/placeholder', 3),
    ]);
  });

  test('works in any comment syntax (Markdown HTML comments, JS block comments)', () => {
    const md =
      '```js\n// phq-ignore-next-line\nfetch(u, { headers: { Authorization: "Bearer $API_TOKEN" } })\n```\n<!-- phq-ignore-next-line -->\nProse: "Bearer $API_TOKEN"';
    assert.deepEqual(scan(md, { languageId: 'markdown', markdownProse: true }), []);
    const js = 'const a = "Bearer $API_TOKEN"; /* phq-ignore */';
    assert.deepEqual(scan(js, { languageId: 'javascript' }), []);
  });
});

suite('hardcoded and known tokens', () => {
  test('known fingerprints match exactly, anywhere, and outrank the shape rule', () => {
    const value = fakeToken();
    const other = fakeToken();
    const known = new Map<string, KnownToken>([[fingerprint(value), { id: 'tok_1', name: 'prod' }]]);
    const text = `const t = "${value}";\nconst u = "${other}";\nconst apiToken = "${value}";`;
    const f = scan(text, { languageId: 'javascript', knownFingerprints: known });
    assert.deepEqual(summary(f), [at(text, value, 'phq/known-token', 0), at(text, value, 'phq/known-token', 1)]);
    assert.equal(f[0]!.data.tokenId, 'tok_1');
    assert.equal(f[0]!.data.fingerprint, fingerprint(value));
    for (const x of f) {
      assert.ok(!x.match.includes(value) && !x.message.includes(value), 'never the full value');
      assert.match(x.message, /"prod"/);
    }
  });

  test('hardcoded tokens are masked in match and message', () => {
    const value = fakeToken();
    const f = scan(`headers = {"Authorization": "Bearer ${value}"}`, { languageId: 'python' });
    assert.equal(f.length, 1);
    assert.equal(f[0]!.kind, 'hardcoded-token');
    assert.equal(f[0]!.match, maskSecret(value));
    assert.ok(!f[0]!.message.includes(value));
    assert.ok(!JSON.stringify(f).includes(value));
  });

  test('not: UUIDs, hex digests, short values, words, placeholders', () => {
    const text = [
      'token = "123e4567-e89b-12d3-a456-426614174000"',
      'token = "d41d8cd98f00b204e9800998ecf8427e"',
      'token = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"',
      'token = "abc123"',
      'token = "my-very-long-package-name-for-things"',
      'token = "YOUR_API_TOKEN_GOES_HERE_PLEASE_1234"',
      'token_url = "https://auth.example.com/oauth2/token"',
      'headers = {"Authorization": "Bearer " + token}',
    ].join('\n');
    assert.deepEqual(
      scan(text, { languageId: 'python' }).filter((x) => x.kind === 'hardcoded-token'),
      [],
    );
  });
});

suite('browser exposure', () => {
  test('.env definitions and client-side references', () => {
    const env =
      'NEXT_PUBLIC_PHQ_API_TOKEN=abc\nVITE_PREDICTHQ_KEY=abc\nNEXT_PUBLIC_SITE_NAME=x\nPHQ_API_TOKEN=$X\n# REACT_APP_PHQ_TOKEN=x';
    assert.deepEqual(summary(scan(env, { languageId: 'dotenv', fileName: '.env' })), [
      at(env, 'NEXT_PUBLIC_PHQ_API_TOKEN', 'phq/browser-exposure'),
      at(env, 'TOKEN=|abc', 'phq/dummy-token'),
      at(env, 'VITE_PREDICTHQ_KEY', 'phq/browser-exposure'),
      at(env, 'KEY=|abc', 'phq/dummy-token'),
    ]);
    const ts =
      'const t = import.meta.env.VITE_PHQ_API_TOKEN;\nconst u = process.env.EXPO_PUBLIC_PHQ_TOKEN;\nconst v = process.env.PHQ_API_TOKEN;';
    const f = scan(ts, { languageId: 'typescript' });
    assert.deepEqual(summary(f), [
      at(ts, 'VITE_PHQ_API_TOKEN', 'phq/browser-exposure'),
      at(ts, 'EXPO_PUBLIC_PHQ_TOKEN', 'phq/browser-exposure'),
    ]);
    assert.equal(f[0]!.data.envVar, 'PHQ_API_TOKEN');
  });
});

suite('endpoints', () => {
  test('every API family, from URLs and paths, with data.family', () => {
    const families = API_FAMILIES.map((f) => f.id); // the one list (packages/families)
    assert.equal(families.length, 11);
    const text =
      families
        .map((f, i) => (i % 2 ? `fetch("https://api.predicthq.com/v1/${f}/?limit=1")` : `get('/v1/${f}/')`))
        .join('\n') + '\n// see /v1/events/\nconst x = "/v1/eventsource/";';
    const f = scan(text, { languageId: 'javascript' });
    assert.deepEqual(
      f.map((x) => [x.kind, x.data.family, x.severity, x.range.start.line]),
      families.map((fam, i) => ['endpoint', fam, 'hint', i]),
    );
    assert.equal(f[0]!.match, '/v1/events/');
  });
});

suite('options', () => {
  test('extra patterns are placeholders too, judged by context', () => {
    const text = 'a = "Bearer %%MY_TOKEN%%"\nb = "${{ secrets.X }}"\n# %%MY_TOKEN%%';
    assert.deepEqual(summary(scan(text, { languageId: 'python', extraPatterns: ['%%MY_TOKEN%%', '(unclosed'] })), [
      at(text, '%%MY_TOKEN%%', 'phq/custom-placeholder'),
    ]);
  });

  test('severities override per rule or kind, "off" drops', () => {
    const text = 'a = "Bearer $API_TOKEN"\nb = "/v1/events/"';
    const f = scan(text, { languageId: 'python', severities: { 'phq/placeholder': 'warning', endpoint: 'off' } });
    assert.deepEqual(
      f.map((x) => [x.ruleId, x.severity]),
      [['phq/placeholder', 'warning']],
    );
  });

  test('envVarName drives the suggested reference in the language idiom', () => {
    const f = scan("x = 'Bearer $API_TOKEN'", { languageId: 'ruby', envVarName: 'MY_TOKEN' });
    assert.equal(f[0]!.data.envVar, 'MY_TOKEN');
    assert.equal(f[0]!.data.envReference, 'ENV["MY_TOKEN"]');
    assert.match(f[0]!.message, /ENV\["MY_TOKEN"\]/);
  });
});

suite('UTF-16 columns', () => {
  test('non-ASCII text (accents, astral emoji, CJK) before the match', () => {
    const text = 'x = "héllo 🎉 東京 Bearer $API_TOKEN"\n# ünïcödé 🎉\ny = "🎉🎉 Bearer {api_token}"';
    const f = scan(text, { languageId: 'python' });
    assert.deepEqual(summary(f), [
      at(text, '$API_TOKEN', 'phq/placeholder'),
      at(text, '{api_token}', 'phq/placeholder'),
    ]);
    // 'x = "' is 5, 'héllo ' 6, '🎉' is 2 UTF-16 units, ' 東京 ' 4 (CJK: 1 each), 'Bearer ' 7.
    assert.equal(f[0]!.range.start.character, 5 + 6 + 2 + 4 + 7);
    assert.equal(text.slice(f[1]!.offset, f[1]!.offset + f[1]!.length), '{api_token}');
  });

  test('CRLF line endings', () => {
    const text = 'a = 1\r\nb = "Bearer $API_TOKEN"\r\n';
    assert.deepEqual(summary(scan(text, { languageId: 'python' })), [at(text, '$API_TOKEN', 'phq/placeholder')]);
  });
});

suite('lexer edges', () => {
  test('an unclosed string whose last character, at the end of the text, is a backslash', () => {
    // The escape skips past the text's end: the lexer must stop there, not start over.
    for (const [languageId, text] of [
      ['python', 'h = "Bearer $API_TOKEN\\'],
      ['javascript', "h = 'Bearer $API_TOKEN\\"],
      ['go', 'h := "Bearer $API_TOKEN\\'],
    ] as const) {
      assert.deepEqual(summary(scan(text, { languageId })), [at(text, '$API_TOKEN', 'phq/placeholder')], languageId);
    }
  });
});

suite('helpers', () => {
  test('fingerprint is sha256 over a domain prefix; maskSecret keeps a few characters', () => {
    const fp = fingerprint('x');
    assert.match(fp, /^sha256:[0-9a-f]{64}$/);
    assert.notEqual(fp, fingerprint('y'));
    assert.equal(fingerprint('x'), fp);
    assert.equal(maskSecret('abcdefghijklmnopqrstuvwxyz'), 'abcd********yz');
    assert.equal(maskSecret('abcdefghij'), 'ab******');
    assert.equal(maskSecret('abc'), '****');
  });

  test('languageFromFileName', () => {
    const table: [string, string | undefined][] = [
      ['a/b/c.py', 'python'],
      ['.env', 'dotenv'],
      ['.env.production', 'dotenv'],
      ['Dockerfile', 'dockerfile'],
      ['Makefile', 'makefile'],
      ['req.http', 'http'],
      ['req.rest', 'http'],
      ['predicthq.conf', 'ini'],
      ['x.tsx', 'typescriptreact'],
      ['x.yml', 'yaml'],
      ['x.sh', 'shellscript'],
      ['x.md', 'markdown'],
      ['C:\\src\\x.cs', 'csharp'],
      ['noext', undefined],
    ];
    for (const [name, id] of table) assert.equal(languageFromFileName(name), id, name);
  });

  test('envReference idioms', () => {
    const table: [string, string][] = [
      ['javascript', 'process.env.PHQ_API_TOKEN'],
      ['typescript', 'process.env.PHQ_API_TOKEN'],
      ['python', 'os.environ["PHQ_API_TOKEN"]'],
      ['shellscript', '$PHQ_API_TOKEN'],
      ['http', '{{PHQ_API_TOKEN}}'],
      ['ruby', 'ENV["PHQ_API_TOKEN"]'],
      ['go', 'os.Getenv("PHQ_API_TOKEN")'],
      ['java', 'System.getenv("PHQ_API_TOKEN")'],
      ['php', "getenv('PHQ_API_TOKEN')"],
      ['csharp', 'Environment.GetEnvironmentVariable("PHQ_API_TOKEN")'],
      ['rust', 'std::env::var("PHQ_API_TOKEN")'],
      ['makefile', '$(PHQ_API_TOKEN)'],
      ['unknown-language', '$PHQ_API_TOKEN'],
    ];
    for (const [lang, ref] of table) assert.equal(envReference(lang, 'PHQ_API_TOKEN'), ref, lang);
  });
});
