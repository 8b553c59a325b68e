// Desktop end-to-end: the real `liaison` app in a real X window (Xvfb), driven by xdotool mouse
// and keyboard events at the positions the app's test hook reports for each labelled widget.
// Usage: node desktop_e2e.mjs <liaison binary> <output dir>
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkNotBlank, fail, findWidget, outputDir, sleep, step, waitGone } from './support.mjs';

const [binary, out] = process.argv.slice(2);
if (!binary || !out) fail('usage: desktop_e2e.mjs <liaison binary> <output dir>');
outputDir(out);
const work = mkdtempSync(join(tmpdir(), 'liaison-desktop-'));
const dataDir = join(work, 'data');
const hookFile = join(work, 'hook.json');
// The app "opens" a handout with this command instead of a browser: a copy lands in `opened`.
const openedDir = join(work, 'opened');
mkdirSync(openedDir);

// Xvfb picks a free display and writes its number to fd 3. -noreset: by default the server resets
// when its last client leaves, and an app restarted in that moment cannot open the display.
async function startXvfb() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp', '-noreset'],
                     { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const display = await new Promise((ok, bad) => {
    xvfb.stdio[3].once('data', (d) => ok(`:${d.toString().trim()}`));
    xvfb.once('exit', (code) => bad(new Error(`Xvfb exited with ${code}`)));
  });
  return { xvfb, display };
}

const { xvfb, display } = await startXvfb();
const env = { ...process.env, DISPLAY: display };
const x = (...args) => execFileSync('xdotool', args, { env }).toString().trim();

function readHook() {
  try { return JSON.parse(readFileSync(hookFile, 'utf8')); } catch { return null; }
}

function startApp() {
  rmSync(hookFile, { force: true });
  const app = spawn(binary, ['--data', dataDir, '--test-hook', hookFile],
                    { env: { ...env, LIAISON_OPEN: `cp -t ${openedDir}` }, stdio: ['ignore', 'pipe', 'pipe'] });
  app.log = '';
  app.stdout.on('data', (d) => { app.log += d; });
  app.stderr.on('data', (d) => { app.log += d; });
  app.exited = new Promise((ok) => app.once('exit', (code) => ok(code)));
  return app;
}

async function windowId() {
  for (let i = 0; i < 100; ++i) {
    try { return x('search', '--onlyvisible', '--name', '^Liaison$').split('\n')[0]; } catch { await sleep(100); }
  }
  fail('the Liaison window never appeared');
}

async function click(win, label) {
  const at = await findWidget(readHook, label);
  // Move, let the app draw a frame with the pointer there (as a hand would), then click.
  x('mousemove', '--window', win, String(Math.round(at.x)), String(Math.round(at.y)));
  await sleep(150);
  x('click', '1');
}

// Replaces a field's text, then waits until the app's hook shows the field holding it. Under a
// loaded machine an X event is now and then lost; one lost attempt is retried and logged.
async function typeInto(win, label, text) {
  for (let attempt = 1; ; ++attempt) {
    await click(win, label);
    await sleep(150);  // one frame for the field to take the keyboard
    // Ctrl+A as a hand presses it: xdotool's own chord lasts a few milliseconds, and with both
    // cores busy the app then reads the A without the Ctrl held.
    x('keydown', 'ctrl'); await sleep(100); x('key', 'a'); await sleep(100); x('keyup', 'ctrl');
    x('type', '--delay', '20', text);
    if (await holdsText(label, text)) return;
    const now = readHook()?.widgets?.find((w) => w.label === label)?.text ?? '';
    if (attempt === 2) fail(`"${label}" holds "${now}" after typing "${text}" twice`);
    console.log(`     "${label}" held "${now}" after typing; typing again`);
  }
}

async function holdsText(label, text, timeoutMs = 8000) {
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(50)) {
    if (readHook()?.widgets?.find((w) => w.label === label)?.text === text) return true;
  }
  return false;
}

async function quit(app) {
  await sleep(150);  // let the last click's frame finish, as a hand would
  let code = 'timeout';
  for (let attempt = 0; attempt < 2 && code === 'timeout'; ++attempt) {
    if (attempt > 0) console.log('     Ctrl+Q was not taken at once; pressing it again');
    // As a hand presses it: xdotool's own chord is too quick for a loaded machine (see typeInto).
    x('keydown', 'ctrl'); await sleep(100); x('key', 'q'); await sleep(100); x('keyup', 'ctrl');
    let timer;
    const timeout = new Promise((ok) => { timer = setTimeout(() => ok('timeout'), 5000); });
    code = await Promise.race([app.exited, timeout]);
    clearTimeout(timer);
  }
  if (code !== 0) fail(`the app did not quit cleanly on Ctrl+Q (exit ${code}); log:\n${app.log}`);
  if (/error/i.test(app.log)) fail(`the app logged an error:\n${app.log}`);
}

let app = null;
try {
  await step('the app starts on an empty data folder in a real window', async () => {
    app = startApp();
    await findWidget(readHook, 'nav:Patients', { timeoutMs: 30000 });
    await click(await windowId(), 'nav:Patients');  // the app opens on Today
    await findWidget(readHook, 'Add patient');
    if (!existsSync(join(dataDir, 'device.json'))) fail('the data folder was not created');
  });

  await step('an empty name is refused with an inline error', async () => {
    const win = await windowId();
    await click(win, 'Add patient');
    await click(win, 'Save patient');
    await findWidget(readHook, 'error:given_name');
  });

  await step('a patient is added through mouse and keyboard events and listed', async () => {
    const win = await windowId();
    await typeInto(win, 'Given name', 'Tomas');
    await typeInto(win, 'Family name', 'Okafor');
    await typeInto(win, 'Date of birth', '1949-11-02');
    await typeInto(win, 'MRN', 'MRN-2002');
    await typeInto(win, 'Phone', '555 010 3000');
    x('key', 'Return');
    await findWidget(readHook, 'patient:Tomas Okafor');
    await waitGone(readHook, 'Save patient');
    await sleep(300);
    const shot = join(out, 'desktop.png');
    execFileSync('import', ['-window', 'root', shot], { env });
    console.log(`     screenshot ${shot}: ${checkNotBlank(shot)} colours`);
  });

  await step('the chart opens from the list and an allergy is added through the generic form', async () => {
    const win = await windowId();
    await click(win, 'patient:Tomas Okafor');
    await findWidget(readHook, 'chart:Tomas Okafor');
    await click(win, 'tab:Allergies');
    await click(win, 'Add allergy');
    await typeInto(win, 'field:substance', 'Penicillin');
    await typeInto(win, 'field:recorded_date', '2031-01-01');
    await click(win, 'Save');
    await findWidget(readHook, 'error:recorded_date');
    await typeInto(win, 'field:recorded_date', '2024-05-01');
    await click(win, 'Save');
    await findWidget(readHook, 'allergy:Penicillin');
    await waitGone(readHook, 'Save');
  });

  await step('adding amoxicillin warns of the penicillin allergy, and the handout is written and opened', async () => {
    const win = await windowId();
    await click(win, 'tab:Medications');
    await click(win, 'Add medication');
    await typeInto(win, 'field:name', 'Amoxicillin 500 mg capsules');
    await findWidget(readHook, 'allergy-warning');
    const shot = join(out, 'desktop-allergy-warning.png');
    execFileSync('import', ['-window', 'root', shot], { env });
    checkNotBlank(shot);
    await click(win, 'Save');
    await findWidget(readHook, 'medication:Amoxicillin 500 mg capsules');
    await click(win, 'Print handout');
    let handout = null;
    for (let i = 0; i < 50 && !handout; ++i, await sleep(100)) handout = readdirSync(openedDir).find((f) => f.endsWith('.html'));
    if (!handout) fail('no handout was opened after "Print handout"');
    const html = readFileSync(join(openedDir, handout), 'utf8');
    for (const expected of ['Tomas Okafor', 'Penicillin', 'Amoxicillin 500 mg capsules'])
      if (!html.includes(expected)) fail(`the handout ${handout} does not mention "${expected}"`);
    if (!existsSync(join(dataDir, 'handouts', handout))) fail(`the handout is not kept in the data folder's handouts/`);
  });

  await step('Ctrl+Q quits; a restart on the same data folder lists the patient and the allergy', async () => {
    await quit(app);
    app = startApp();
    const win = await windowId();
    await findWidget(readHook, 'nav:Patients', { timeoutMs: 30000 });
    await click(win, 'nav:Patients');
    await click(win, 'patient:Tomas Okafor');
    await click(win, 'tab:Allergies');
    await findWidget(readHook, 'allergy:Penicillin', { timeoutMs: 30000 });
    const shot = join(out, 'desktop-chart.png');
    execFileSync('import', ['-window', 'root', shot], { env });
    checkNotBlank(shot);
    await quit(app);
    app = null;
  });
  console.log('desktop end-to-end: all steps passed');
} catch (err) {
  console.error(`FAILED: ${err.message}`);
  if (app) console.error(`app log:\n${app.log}`);
  try { execFileSync('import', ['-window', 'root', join(out, 'desktop-failure.png')], { env }); } catch {}
  process.exitCode = 1;
} finally {
  if (app) app.kill();
  xvfb.kill();
  rmSync(work, { recursive: true, force: true });
}
