// The phq-emulator bin (run from source through tsx, so the suite does not need a build):
// it prints URL and credential, stops cleanly on signals, and a SIGKILL never loses an
// acknowledged write.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { checkedFetch } from '../test-support/contract';

const BIN = path.join(__dirname, '..', 'src', 'bin.ts');

interface Started {
  child: ChildProcess;
  out: () => string;
}

function spawnBin(args: string[]): Started {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return { child, out: () => out };
}

async function waitFor(s: Started, re: RegExp): Promise<RegExpExecArray> {
  for (;;) {
    const m = re.exec(s.out());
    if (m) return m;
    if (s.child.exitCode !== null) throw new Error(`bin exited early:\n${s.out()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

suite('phq-emulator bin', () => {
  const children: ChildProcess[] = [];
  let dir: string;
  setup(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'phq-bin-'));
  });
  teardown(() => {
    for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  const start = (args: string[]) => {
    const s = spawnBin(args);
    children.push(s.child);
    return s;
  };

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    test(`prints the URL and credential, serves, and stops with exit 0 on ${signal}`, async () => {
      const s = start(['--port', '0']);
      const [, url] = await waitFor(s, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
      const [, credential] = await waitFor(s, /Management credential \(Demo Org\): (phqm_[A-Za-z0-9_-]{43})/);
      const r = await checkedFetch(`${url}/v1/tokens/`, { headers: { authorization: `Bearer ${credential}` } });
      assert.equal(r.status, 200);
      s.child.kill(signal);
      const [code] = await once(s.child, 'exit');
      assert.equal(code, 0);
      assert.match(s.out(), /Emulator stopped/);
    });
  }

  test('--json prints one machine-readable line; --no-seed starts empty', async () => {
    const s = start(['--json', '--no-seed']);
    const [line] = await waitFor(s, /^\{.*\}\n/);
    const { url, credential } = JSON.parse(line) as { url: string; credential: string };
    const r = await checkedFetch(`${url}/v1/tokens/`, { headers: { authorization: `Bearer ${credential}` } });
    assert.equal((r.body as { count: number }).count, 0);
  });

  test('an unknown option exits 2 with usage', async () => {
    const s = start(['--bogus']);
    const [code] = await once(s.child, 'exit');
    assert.equal(code, 2);
    assert.match(s.out(), /Usage: phq-emulator/);
  });

  test('SIGKILL right after a create: the acknowledged token is in the file on restart', async () => {
    const file = path.join(dir, 'state.json');
    const a = start(['--json', '--persist', file]);
    const first = JSON.parse((await waitFor(a, /^\{.*\}\n/))[0]) as { url: string; credential: string };
    const headers = { authorization: `Bearer ${first.credential}`, 'content-type': 'application/json' };
    const r = await checkedFetch(`${first.url}/v1/tokens/`, { method: 'POST', headers, body: '{"name":"Survivor"}' });
    assert.equal(r.status, 201);
    a.child.kill('SIGKILL');
    await once(a.child, 'exit');

    const b = start(['--json', '--persist', file]);
    const second = JSON.parse((await waitFor(b, /^\{.*\}\n/))[0]) as { url: string; credential: string };
    assert.equal(second.credential, first.credential);
    const list = await checkedFetch(`${second.url}/v1/tokens/?limit=500`, { headers });
    const names = (list.body as { results: { name: string }[] }).results.map((t) => t.name);
    assert.ok(names.includes('Survivor'));
  });

  test('--public-only prints token values once and serves only the public families', async () => {
    const s = start(['--public-only', '--quiet']);
    const m = await waitFor(s, /listening on (http:\/\/[^\s]+)[\s\S]*Press Ctrl\+C/);
    const url = m[1]!;
    const lines = s
      .out()
      .split('\n')
      .filter((l) => /^ {2}\S{40,} {2}/.test(l));
    assert.equal(lines.length, 5, s.out());
    assert.ok(!/Management credential/.test(s.out()));
    const prod = /^ {2}(\S+) {2}Production \(scopes: events, broadcasts/m.exec(s.out())![1]!;
    const events = await checkedFetch(`${url}/v1/events/?limit=1`, { headers: { authorization: `Bearer ${prod}` } });
    assert.equal(events.status, 200);
    assert.match(s.out(), /Old Laptop \(revoked\)/);
    const tokens = await fetch(`${url}/v1/tokens/`, { headers: { authorization: `Bearer ${prod}` } });
    assert.equal(tokens.status, 404);
  });

  test("the package's bin exists before any build, so installing never warns that it cannot link it", () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    for (const [name, rel] of Object.entries(pkg.bin)) {
      assert.ok(!rel.startsWith('dist/'), `${name} points into dist/, which a fresh clone does not have`);
      assert.ok(existsSync(path.join(__dirname, '..', rel)), `${name}: ${rel} is committed`);
    }
  });
});
