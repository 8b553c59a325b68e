// Browser end-to-end: Debian's Chromium (headless, SwiftShader WebGL2) driven by Playwright
// against the built client served on a local port. Widgets are found through the app's test hook;
// every click and key press is real input on the canvas.
// Usage: node browser_e2e.mjs <site dir> <output dir>
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { checkNotBlank, fail, findWidget, outputDir, step, waitGone } from './support.mjs';
import { FLAGS, click, hookOf, launch, problems, reportFailure, stopServer, typeInto } from './browser_support.mjs';

const [site, out] = process.argv.slice(2);
if (!site || !out) fail('usage: browser_e2e.mjs <site dir> <output dir>');
outputDir(out);

const profile = mkdtempSync(join(tmpdir(), 'liaison-browser-'));
let server = await serve(site, 0);
const url = `http://127.0.0.1:${server.address().port}/?test-hook`;

// The first launch uses devicePixelRatio 2: the canvas must render at 2x and input must still land
// on the widgets. SwiftShader draws that at about 15 frames a second, so later launches use 1.
const launchAt = (deviceScaleFactor) => launch(profile, { deviceScaleFactor });

async function addPatient(page, name, birthDate) {
  await click(page, 'Add patient');
  const [given, family] = name.split(' ');
  await typeInto(page, 'Given name', given);
  await typeInto(page, 'Family name', family);
  await typeInto(page, 'Date of birth', birthDate);
  await page.keyboard.press('Enter');
  await findWidget(hookOf(page), `patient:${name}`);
}

// Wraps FS.syncfs to count saves in flight and to hold each save open for `holdMs`, long enough
// for more commits to arrive while it runs.
function slowDownSaves(page, holdMs) {
  return page.evaluate((hold) => {
    const probe = globalThis.saveProbe = { inFlight: 0, maxInFlight: 0, saves: 0 };
    const fs = globalThis.Module.FS;
    const syncfs = fs.syncfs;
    fs.syncfs = function (populate, done) {
      probe.saves++;
      probe.maxInFlight = Math.max(probe.maxInFlight, ++probe.inFlight);
      syncfs.call(fs, populate, (err) => setTimeout(() => { probe.inFlight--; done(err); }, hold));
    };
  }, holdMs);
}

// The app opens on Today; these steps work on the Patients screen.
async function showPatients(page) {
  await findWidget(hookOf(page), 'nav:Patients', { timeoutMs: 60000 });
  await click(page, 'nav:Patients');
  await findWidget(hookOf(page), 'Add patient');
}

async function open(page) {
  await page.goto(url);
  await showPatients(page);
}

async function reload(page) {
  await page.reload();
  await showPatients(page);
}

let { context, page } = await launchAt(2);
try {
  await step('the client loads, fills the window at devicePixelRatio 2, hides the loading indicator', async () => {
    await open(page);
    const size = await page.evaluate(() => {
      const c = document.getElementById('canvas');
      return { w: c.width, h: c.height, cssW: innerWidth, cssH: innerHeight, ratio: devicePixelRatio,
               loading: getComputedStyle(document.getElementById('loading')).display };
    });
    if (size.ratio !== 2 || size.w !== size.cssW * 2 || size.h !== size.cssH * 2)
      fail(`canvas ${size.w}x${size.h} does not match ${size.cssW}x${size.cssH} CSS px at ratio ${size.ratio}`);
    if (size.loading !== 'none') fail('the loading indicator is still shown');
  });

  await step('the canvas follows a window resize', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForFunction(() => document.getElementById('canvas').width === 2560, null, { timeout: 10000 });
    await findWidget(hookOf(page), 'Add patient');
  });

  await step('an empty name and a future birth date are refused with inline errors', async () => {
    await click(page, 'Add patient');
    await click(page, 'Save patient');
    await findWidget(hookOf(page), 'error:given_name');
    await typeInto(page, 'Given name', 'Rosa');
    await typeInto(page, 'Family name', 'Delgado');
    await typeInto(page, 'Date of birth', '2999-01-01');
    await page.keyboard.press('Enter');
    await findWidget(hookOf(page), 'error:birth_date');
    await waitGone(hookOf(page), 'error:given_name');
  });

  await step('a valid patient is added by clicks and key presses and listed', async () => {
    await typeInto(page, 'Date of birth', '1956-04-17');
    await typeInto(page, 'MRN', 'MRN-1001');
    await typeInto(page, 'Phone', '+1 555 010 2000');
    await click(page, 'Save patient');
    await findWidget(hookOf(page), 'patient:Rosa Delgado');
    await waitGone(hookOf(page), 'Save patient');
    await findWidget(hookOf(page), 'save:Saved');
  });

  await step('after a reload the patient is still listed', async () => {
    await reload(page);
    await findWidget(hookOf(page), 'patient:Rosa Delgado', { timeoutMs: 60000 });
  });

  await step('the service worker controls the page', async () => {
    await page.evaluate(() => navigator.serviceWorker.ready);
    await reload(page);
    await findWidget(hookOf(page), 'patient:Rosa Delgado', { timeoutMs: 60000 });
    const controlled = await page.evaluate(() => !!navigator.serviceWorker.controller);
    if (!controlled) fail('no service worker controls the page after a reload');
  });

  await step('after closing and relaunching the browser on the same profile the patient is listed', async () => {
    await context.close();
    ({ context, page } = await launchAt(1));
    await open(page);
    await findWidget(hookOf(page), 'patient:Rosa Delgado');
  });

  await step('commits during a save wait for it and are coalesced into one more save', async () => {
    await slowDownSaves(page, 30000);
    await addPatient(page, 'Jun Park', '1971-08-30');
    await findWidget(hookOf(page), 'save:Saving\u2026');
    await addPatient(page, 'Lena Fischer', '1988-01-12');
    await addPatient(page, 'Omar Haddad', '1940-05-05');
    const during = await page.evaluate(() => ({ ...globalThis.saveProbe }));
    if (during.saves !== 1) fail(`expected the first save still running alone, saw ${during.saves} saves`);
    await findWidget(hookOf(page), 'save:Saved', { timeoutMs: 120000 });
    const after = await page.evaluate(() => globalThis.saveProbe);
    if (after.maxInFlight !== 1) fail(`${after.maxInFlight} saves ran at once`);
    if (after.saves !== 2) fail(`expected 2 saves (one, then the two queued commits together), saw ${after.saves}`);
  });

  await step('after a reload every patient is still listed', async () => {
    await reload(page);
    for (const name of ['Rosa Delgado', 'Jun Park', 'Lena Fischer', 'Omar Haddad'])
      await findWidget(hookOf(page), `patient:${name}`, { timeoutMs: 60000 });
  });

  await step('with the server stopped the page still loads and shows the patient', async () => {
    await stopServer(server);
    server = null;
    const reachable = await page.evaluate(() => fetch('/not-in-the-shell').then(() => true, () => false));
    if (reachable) fail('the server still answers after being stopped');
    await reload(page);
    await findWidget(hookOf(page), 'patient:Rosa Delgado', { timeoutMs: 60000 });
    await page.waitForTimeout(300);
    const shot = join(out, 'browser.png');
    await page.screenshot({ path: shot });
    console.log(`     screenshot ${shot}: ${checkNotBlank(shot)} colours`);
  });

  await step('offline, "Print handout" opens the handout in a new tab', async () => {
    await click(page, 'patient:Rosa Delgado');
    await findWidget(hookOf(page), 'chart:Rosa Delgado');
    const popup = page.waitForEvent('popup', { timeout: 20000 });
    await click(page, 'Print handout');
    const tab = await popup;
    await tab.waitForLoadState();
    const text = await tab.evaluate(() => document.body.innerText);
    for (const expected of ['Rosa Delgado', 'Your allergies'])
      if (!text.includes(expected)) fail(`the handout tab does not show "${expected}": ${text.slice(0, 300)}`);
    await tab.close();
    await click(page, 'Back to patients');
  });

  await step('without IndexedDB (private mode) the app says data is not kept', async () => {
    const incognito = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: FLAGS });
    try {
      server = await serve(site, 0);
      const p = await incognito.newPage({ viewport: { width: 1000, height: 700 } });
      await p.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
      p.on('pageerror', (e) => problems.push(`uncaught: ${e.stack}`));
      await p.goto(`http://127.0.0.1:${server.address().port}/?test-hook`);
      await findWidget(hookOf(p), 'banner:not-kept', { timeoutMs: 60000 });
      await findWidget(hookOf(p), 'save:Not kept');
    } finally {
      await incognito.close();
    }
  });

  if (problems.length) fail(`the app logged errors:\n${problems.join('\n')}`);
  console.log('browser end-to-end: all steps passed');
} catch (err) {
  await reportFailure(page, out, 'browser-failure.png', err);
} finally {
  await context.close().catch(() => {});
  if (server) server.close();
  rmSync(profile, { recursive: true, force: true });
}
