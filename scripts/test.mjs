#!/usr/bin/env node
// The one test command (README): installs what it needs, runs every check and suite, and
// ends with a single closing line "N passed, N failed" summed over all of them.
import { spawn } from 'node:child_process';
import { installAndBuild } from './lib.mjs';
import { checks, packageSuites, vscodeSuites } from './suites.mjs';

const t0 = Date.now();
const only = process.argv.slice(2); // optional name filters: npm test -- core server

function runSuite(s) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n=== ${s.name}`);
    const child = spawn(s.cmd, s.args, { cwd: s.cwd, env: { ...process.env, ...s.env, FORCE_COLOR: '0' } });
    let out = '';
    const onData = (d) => {
      out += d;
      process.stdout.write(d);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code) => resolve({ ...s, code, out, secs: (Date.now() - started) / 1000 }));
    child.on('error', (e) => resolve({ ...s, code: 1, out: String(e), secs: 0 }));
  });
}

/** Counts from the suite's output; falls back to its exit code when it printed none. */
function count(r, isCheck) {
  if (isCheck) return r.code === 0 ? [1, 0] : [0, 1];
  let passed = 0;
  let failed = 0;
  let seen = false;
  for (const m of r.out.matchAll(/^\s*(\d+) passing\b/gm)) {
    passed += +m[1];
    seen = true;
  }
  for (const m of r.out.matchAll(/^\s*(\d+) failing\b/gm)) {
    failed += +m[1];
    seen = true;
  }
  for (const m of r.out.matchAll(/^(?:[\w-]+: )?(\d+) passed, (\d+) failed\b/gm)) {
    passed += +m[1];
    failed += +m[2];
    seen = true;
  }
  if (!seen) return r.code === 0 ? [0, 0] : [0, 1];
  if (r.code !== 0 && failed === 0) failed = 1; // crashed after reporting: never a silent pass
  return [passed, failed];
}

installAndBuild();
const wanted = (s) => only.length === 0 || only.some((o) => s.name.includes(o));
const rows = [];
for (const s of checks.filter(wanted)) rows.push([await runSuite(s), true]);
for (const s of [...packageSuites(), ...(await vscodeSuites())].filter(wanted)) rows.push([await runSuite(s), false]);

let passed = 0;
let failed = 0;
console.log('\n=== summary');
for (const [r, isCheck] of rows) {
  const [p, f] = count(r, isCheck);
  passed += p;
  failed += f;
  console.log(
    `${f ? 'FAIL' : 'ok  '} ${r.name.padEnd(44)} ${String(p).padStart(4)} passed ${String(f).padStart(3)} failed ${r.secs.toFixed(1).padStart(7)}s`,
  );
}
console.log(`total time ${((Date.now() - t0) / 1000).toFixed(1)}s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
