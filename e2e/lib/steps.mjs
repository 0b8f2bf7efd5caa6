// The step runner of the UI suites: each step runs, is screenshotted (also when it fails, as
// <slug>-FAILED.png), counted, and printed with its time; a failed step leaves the workbench
// with every quick input and menu escaped so the next step starts clean.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { workbench } from './workbench.mjs';

/** `artifacts`: the folder for screenshots (emptied first); `pageOf()`: the page, once open. */
export function stepRunner(artifacts, pageOf) {
  rmSync(artifacts, { recursive: true, force: true });
  mkdirSync(artifacts, { recursive: true });
  const run = {
    passed: 0,
    failed: 0,
    async shot(name) {
      const page = pageOf();
      if (page) await page.screenshot({ path: path.join(artifacts, `${name}.png`) });
    },
    async step(slug, name, fn) {
      const started = Date.now();
      try {
        await fn();
        await run.shot(slug);
        run.passed++;
        console.log(`  ✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (e) {
        run.failed++;
        await run.shot(`${slug}-FAILED`).catch(() => {});
        const page = pageOf();
        if (page)
          await workbench(page)
            .escapeAll()
            .catch(() => {});
        console.log(`  ✖ ${name}\n      ${String(e instanceof Error ? e.message : e).replace(/\n/g, '\n      ')}`);
      }
    },
  };
  return run;
}
