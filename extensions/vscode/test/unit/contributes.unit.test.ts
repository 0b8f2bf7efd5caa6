// package.json and the code agree (docs/common-tasks.md): every contributed command is in the
// command table and the other way round, and every contributed setting is read through the
// typed Config or the language server's settings contract. Without this a command can be
// declared and never registered, or a setting shown in the UI and never read.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_DEFAULTS, DEFAULT_SETTINGS, SETTINGS_SECTION } from '@phq-tokens/settings';

const root = path.resolve(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string }[];
    configuration: { properties: Record<string, { default?: unknown }> };
    viewsWelcome: { view: string; contents: string }[];
    keybindings?: { command: string; key: string; mac?: string; when?: string; args?: unknown }[];
  };
};
const source = (f: string) => readFileSync(path.join(root, 'src', f), 'utf8');

suite('package.json and the code agree (unit)', () => {
  test('contributes.commands and the command table name the same commands', () => {
    const registry = source('commands/registry.ts');
    const table = new Set([...registry.matchAll(/^\s+'(predicthqTokens\.[\w.]+)': \[/gm)].map((m) => m[1]!));
    // The two client-side commands the language server names, declared in @phq-tokens/protocol.
    for (const m of registry.matchAll(/^\s+\[(\w+)\.command\]: \[/gm))
      table.add({ InsertToken: 'phq.insertToken', CreateTokenAndInsert: 'phq.createTokenAndInsert' }[m[1]!]!);
    const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
    assert.ok(table.size > 20, `the table was read (${table.size} commands)`);
    assert.deepEqual(
      [...contributed].filter((c) => !table.has(c)),
      [],
      'contributed but never registered',
    );
    assert.deepEqual(
      [...table].filter((c) => !contributed.has(c)),
      [],
      'registered but not contributed',
    );
  });

  test('every contributed setting is read: by the typed Config, the language server, or the language client', () => {
    const config = source('config.ts');
    const readByConfig = new Set([...config.matchAll(/this\.raw\.get<[^>]+>\('([\w.]+)'/g)].map((m) => m[1]!));
    const readByServer = new Set(Object.keys(DEFAULT_SETTINGS));
    const readByClientLibrary = new Set(['trace.server']); // vscode-languageclient reads <section>.trace.server
    const keys = Object.keys(manifest.contributes.configuration.properties).map((k) => {
      assert.ok(k.startsWith(`${SETTINGS_SECTION}.`), k);
      return k.slice(SETTINGS_SECTION.length + 1);
    });
    const unread = keys.filter((k) => !readByConfig.has(k) && !readByServer.has(k) && !readByClientLibrary.has(k));
    assert.deepEqual(unread, [], 'settings nobody reads');
    const undeclared = [...readByConfig].filter((k) => !keys.includes(k));
    assert.deepEqual(undeclared, [], 'read by Config but not contributed');
  });

  test('every declared default equals the settings contract, and the contract declares nothing more', () => {
    const declared = Object.fromEntries(
      Object.entries(manifest.contributes.configuration.properties).map(([k, v]) => [
        k.slice(SETTINGS_SECTION.length + 1),
        v.default,
      ]),
    );
    for (const [key, value] of Object.entries(declared))
      assert.deepEqual(value, ALL_DEFAULTS[key], `package.json's default of ${key} differs from @phq-tokens/settings`);
    assert.deepEqual(Object.keys(ALL_DEFAULTS).sort(), Object.keys(declared).sort(), 'contract keys = declared keys');
  });

  test("docs/extension.md's settings table lists exactly the declared settings, with their defaults", () => {
    const doc = readFileSync(path.join(root, '..', '..', 'docs', 'extension.md'), 'utf8');
    const section = doc.split('\n## Settings\n')[1]?.split('\n## ')[0] ?? '';
    const rows = [...section.matchAll(/^\| `([\w.]+)` \| `(.+?)` \|/gm)].map(
      (m) => [m[1]!, JSON.parse(m[2]!)] as const,
    );
    assert.ok(rows.length > 10, `the table was read (${rows.length} rows)`);
    assert.deepEqual(Object.fromEntries(rows), { ...ALL_DEFAULTS }, 'documented settings and defaults = the contract');
  });

  test("the welcome view shows plain text: no Markdown code spans, no command that is not on a newcomer's PATH", () => {
    for (const w of manifest.contributes.viewsWelcome) {
      assert.ok(!w.contents.includes('`'), 'viewsWelcome renders backticks literally');
      assert.ok(!/phq-emulator/.test(w.contents), 'phq-emulator is not on the PATH; name npm start instead');
      if (w.view === 'predicthqTokens.tokens')
        assert.match(w.contents, /^[^[]*\[Add an API Token\]\(command:predicthqTokens\.addToken\)/, 'offered first');
    }
  });

  test("the API Tokens view has the explorer's keys: F2 rename, Delete delete, Ctrl+C / Cmd+C copy", () => {
    const keys = manifest.contributes.keybindings ?? [];
    const bound = (command: string) => keys.find((k) => k.command === command);
    const expected: [string, string, string | undefined][] = [
      ['predicthqTokens.renameToken', 'f2', undefined],
      ['predicthqTokens.deleteToken', 'delete', 'cmd+backspace'],
      ['predicthqTokens.copyToken', 'ctrl+c', 'cmd+c'],
    ];
    for (const [command, key, mac] of expected) {
      const k = bound(command);
      assert.ok(k, `${command} has a key`);
      assert.equal(k.key, key, command);
      assert.equal(k.mac, mac, command);
      // Only while the view has focus (not while typing in its filter), on the token selected there.
      assert.match(k.when ?? '', /(^|&& )focusedView == predicthqTokens\.tokens( &&|$)/, command);
      assert.match(k.when ?? '', /!inputFocus/, command);
      assert.deepEqual(k.args, { focused: true }, command);
    }
    assert.match(source('commands/pick.ts'), /booleanProp\(arg, 'focused'\)/, 'commands read {focused: true}');
  });
});
