// What the browser end-to-end tests share: Debian's Chromium (headless, SwiftShader WebGL2) driven
// by Playwright on a persistent profile, console errors collected, and real clicks and key presses
// on widgets found through the app's test hook.
import { chromium } from 'playwright-core';
import { join } from 'node:path';
import { findWidget, labels, waitGone } from './support.mjs';

export const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--enable-unsafe-swiftshader', '--use-angle=swiftshader'];

// Console errors and uncaught exceptions: a test fails when any was seen. While `expectOffline`
// is set, failed network requests are expected (the server was stopped on purpose).
export const problems = [];
const browserState = { expectOffline: false };

export function watch(page) {
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    if (browserState.expectOffline && /ERR_CONNECTION_REFUSED|Failed to load resource|sw\.js/.test(m.text())) return;
    problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.stack}`));
}

// Stops the static server the way a lost network does: no new connections, open ones dropped.
// From then on failed requests are expected.
export async function stopServer(server) {
  await new Promise((ok) => { server.close(ok); server.closeAllConnections(); });
  browserState.expectOffline = true;
}

// A failed run: a screenshot of the moment (`<out>/<name>`), the message, and the widgets on screen.
export async function reportFailure(page, out, name, err) {
  try { await page.screenshot({ path: join(out, name) }); } catch {}
  console.error(`FAILED: ${err.message}`);
  try { console.error(`widgets: ${labels(await hookOf(page)()).join(' | ')}`); } catch {}
  process.exitCode = 1;
}

export async function launch(profile, { deviceScaleFactor = 1, width = 1200, height = 760 } = {}) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, args: FLAGS,
    viewport: { width, height }, deviceScaleFactor, acceptDownloads: true,
  });
  const page = context.pages()[0] || await context.newPage();
  watch(page);
  return { context, page };
}

export const hookOf = (page) => () => page.evaluate(() => globalThis.liaisonTestHook || null);

// Moves the pointer there, lets the app draw a frame with it there (as a hand would: a tab is only
// taken by a press on the tab the pointer already hovers), then clicks.
export async function click(page, label, options) {
  const at = await findWidget(hookOf(page), label, options);
  await page.mouse.move(at.x, at.y);
  await page.waitForTimeout(100);
  await page.mouse.click(at.x, at.y);
}

export async function typeInto(page, label, text) {
  await click(page, label);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text, { delay: 15 });
}

// The text a widget holds, as the hook reports it ("" when it reports none).
export async function widgetText(page, label) {
  await findWidget(hookOf(page), label);
  const hook = await hookOf(page)();
  return hook.widgets.find((w) => w.label === label)?.text ?? '';
}

// The first widget label starting with `prefix`, waiting for one to appear.
export async function labelStartingWith(page, prefix, { timeoutMs = 20000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let hook = null;
  while (Date.now() < deadline) {
    hook = await hookOf(page)();
    const w = hook?.widgets?.find((x) => x.label.startsWith(prefix));
    if (w) return w.label;
    await new Promise((ok) => setTimeout(ok, 100));
  }
  throw new Error(`no widget starting with "${prefix}" after ${timeoutMs} ms`);
}

const KEY_NAMES = { ctrl: 'Control', pagedown: 'PageDown', pageup: 'PageUp' };

// The driver tests/e2e/morning.mjs plays its scenario through.
export function browserDriver(page) {
  return {
    click: (label, options) => click(page, label, options),
    typeInto: (label, text) => typeInto(page, label, text),
    press: (keys) => page.keyboard.press(keys.split('+').map((k) => KEY_NAMES[k] || k).join('+')),
    sleep: (ms) => page.waitForTimeout(ms),
    find: (label, options) => findWidget(hookOf(page), label, options),
    gone: (label, options) => waitGone(hookOf(page), label, options),
    text: (label) => widgetText(page, label),
    startingWith: (prefix) => labelStartingWith(page, prefix),
    visible: async (label) => ((await hookOf(page)())?.widgets || []).some((w) => w.label === label),
  };
}
