// Browser end-to-end: a coordinator's morning (tests/e2e/morning.mjs) in a real Chromium on a
// fresh profile, every step a real click or key press on the canvas; then the handout printed from
// the chart, and a reload with the server stopped that finds the whole morning still there.
// Usage: node browser_morning_e2e.mjs <site dir> <output dir>
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { checkNotBlank, fail, outputDir, step } from './support.mjs';
import { browserDriver, click, launch, problems, reportFailure, stopServer } from './browser_support.mjs';
import { PATIENT, checkMorningKept, morningDays, openChart, playMorning } from './morning.mjs';

const [site, out] = process.argv.slice(2);
if (!site || !out) fail('usage: browser_morning_e2e.mjs <site dir> <output dir>');
outputDir(out);

const profile = mkdtempSync(join(tmpdir(), 'liaison-morning-'));
let server = await serve(site, 0);
const { context, page } = await launch(profile, { width: 1280, height: 800 });
const ui = browserDriver(page);

try {
  await page.goto(`http://127.0.0.1:${server.address().port}/?test-hook`);
  await playMorning(ui, morningDays(), step);

  await step('"Print handout" opens the handout, allergy included, in a new tab', async () => {
    await openChart(ui, PATIENT);
    const popup = page.waitForEvent('popup', { timeout: 20000 });
    await click(page, 'Print handout');
    const tab = await popup;
    await tab.waitForLoadState();
    const text = await tab.evaluate(() => document.body.innerText);
    for (const expected of [PATIENT, 'Penicillin'])
      if (!text.includes(expected)) fail(`the handout does not show "${expected}": ${text.slice(0, 300)}`);
    await tab.close();
  });

  await step('with the server stopped, a reload shows the whole morning still there', async () => {
    await ui.find('save:Saved', { timeoutMs: 60000 });
    await stopServer(server);
    server = null;
    await page.reload();
    await checkMorningKept(ui);
    await page.waitForTimeout(300);
    const shot = join(out, 'browser-morning.png');
    await page.screenshot({ path: shot });
    console.log(`     screenshot ${shot}: ${checkNotBlank(shot)} colours`);
  });

  if (problems.length) fail(`the app logged errors:\n${problems.join('\n')}`);
  console.log("browser end-to-end, a coordinator's morning: all steps passed");
} catch (err) {
  await reportFailure(page, out, 'browser-morning-failure.png', err);
} finally {
  await context.close().catch(() => {});
  if (server) server.close();
  rmSync(profile, { recursive: true, force: true });
}
