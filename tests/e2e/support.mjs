// Shared by the end-to-end tests: waiting on the app's test hook (the on-screen rectangles of
// labelled widgets), checking screenshots, and reporting failures plainly.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

export function fail(message) {
  throw new Error(message);
}

export function sleep(ms) {
  return new Promise((ok) => setTimeout(ok, ms));
}

// Polls `readHook` until a widget labelled `label` is present in two reads in a row at the same
// place (a new window may move on its first frame), and returns its centre.
export async function findWidget(readHook, label, { timeoutMs = 20000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let previous = null;
  let hook = null;
  while (Date.now() < deadline) {
    hook = await readHook();
    const w = hook?.widgets?.find((x) => x.label === label);
    if (w && previous && w.x === previous.x && w.y === previous.y) return { x: w.x + w.w / 2, y: w.y + w.h / 2 };
    previous = w || null;
    await sleep(100);
  }
  fail(`no widget "${label}" on screen after ${timeoutMs} ms; visible: ${labels(hook).join(' | ')}`);
}

export async function waitGone(readHook, label, { timeoutMs = 10000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let hook = null;
  while (Date.now() < deadline) {
    hook = await readHook();
    if (hook && !labels(hook).includes(label)) return;
    await sleep(100);
  }
  fail(`widget "${label}" still on screen after ${timeoutMs} ms`);
}

export function labels(hook) {
  return (hook?.widgets || []).map((w) => w.label);
}

// A blank or single-colour screenshot means nothing was drawn.
export function checkNotBlank(png) {
  const colours = Number(execFileSync('identify', ['-format', '%k', png]).toString().trim());
  if (!(colours > 50)) fail(`screenshot ${png} looks blank (${colours} colours)`);
  return colours;
}

export function outputDir(dir) {
  mkdirSync(dir, { recursive: true });
  return dir;
}

export async function step(name, body) {
  const started = Date.now();
  await body();
  console.log(`ok   ${name} (${Date.now() - started} ms)`);
}
