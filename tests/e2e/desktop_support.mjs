// What drives the real `liaison` app in a real X window (Xvfb): xdotool mouse and keyboard events
// at the positions the app's test hook reports for each labelled widget, pressed as a hand
// presses them. Used by the desktop end-to-end test and by scripts/screenshots.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fail, findWidget, labels, sleep, waitGone } from './support.mjs';

const KEY_NAMES = { pagedown: 'Page_Down', pageup: 'Page_Up' };

// Starts Xvfb (it picks a free display and writes its number to fd 3). -noreset: by default the
// server resets when its last client leaves, and an app restarted in that moment cannot open it.
export async function startDesktop({ binary, work, width = 1280, height = 800 }) {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', `${width}x${height}x24`, '-nolisten', 'tcp', '-noreset'],
                     { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const display = await new Promise((ok, bad) => {
    xvfb.stdio[3].once('data', (d) => ok(`:${d.toString().trim()}`));
    xvfb.once('exit', (code) => bad(new Error(`Xvfb exited with ${code}`)));
  });
  const env = { ...process.env, DISPLAY: display };
  const hookFile = join(work, 'hook.json');
  const x = (...args) => execFileSync('xdotool', args, { env }).toString().trim();
  const readHook = () => { try { return JSON.parse(readFileSync(hookFile, 'utf8')); } catch { return null; } };

  async function windowId() {
    for (let i = 0; i < 100; ++i) {
      try { return x('search', '--onlyvisible', '--name', '^Liaison$').split('\n')[0]; } catch { await sleep(100); }
    }
    fail('the Liaison window never appeared');
  }

  async function click(label, options) {
    const at = await findWidget(readHook, label, options);
    // Move, let the app draw a frame with the pointer there (as a hand would), then click.
    x('mousemove', '--window', await windowId(), String(Math.round(at.x)), String(Math.round(at.y)));
    await sleep(150);
    x('click', '1');
  }

  // A chord as a hand presses it, e.g. "ctrl+z": xdotool's own chord lasts a few milliseconds,
  // and with both cores busy the app then reads the key without the Ctrl held.
  async function press(keys) {
    const [modifier, key] = keys.split('+');
    x('keydown', modifier); await sleep(100); x('key', KEY_NAMES[key] || key); await sleep(100); x('keyup', modifier);
  }

  async function holdsText(label, text, timeoutMs = 8000) {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await sleep(50)) {
      if (readHook()?.widgets?.find((w) => w.label === label)?.text === text) return true;
    }
    return false;
  }

  // Replaces a field's text, then waits until the app's hook shows the field holding it. Under a
  // loaded machine an X event is now and then lost; one lost attempt is retried and logged.
  async function typeInto(label, text) {
    for (let attempt = 1; ; ++attempt) {
      await click(label);
      await sleep(150);  // one frame for the field to take the keyboard
      await press('ctrl+a');
      x('type', '--delay', '20', text);
      if (await holdsText(label, text)) return;
      const now = readHook()?.widgets?.find((w) => w.label === label)?.text ?? '';
      if (attempt === 2) fail(`"${label}" holds "${now}" after typing "${text}" twice`);
      console.log(`     "${label}" held "${now}" after typing; typing again`);
    }
  }

  function startApp(dataDir, extraEnv = {}, args = []) {
    rmSync(hookFile, { force: true });
    const app = spawn(binary, ['--data', dataDir, '--test-hook', hookFile, ...args],
                      { env: { ...env, ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    app.log = '';
    app.stdout.on('data', (d) => { app.log += d; });
    app.stderr.on('data', (d) => { app.log += d; });
    app.exited = new Promise((ok) => app.once('exit', (code) => ok(code)));
    return app;
  }

  async function quit(app) {
    await sleep(150);  // let the last click's frame finish, as a hand would
    let code = 'timeout';
    for (let attempt = 0; attempt < 2 && code === 'timeout'; ++attempt) {
      if (attempt > 0) console.log('     Ctrl+Q was not taken at once; pressing it again');
      await press('ctrl+q');
      let timer;
      const timeout = new Promise((ok) => { timer = setTimeout(() => ok('timeout'), 5000); });
      code = await Promise.race([app.exited, timeout]);
      clearTimeout(timer);
    }
    if (code !== 0) fail(`the app did not quit cleanly on Ctrl+Q (exit ${code}); log:\n${app.log}`);
    if (/error/i.test(app.log)) fail(`the app logged an error:\n${app.log}`);
  }

  const screenshot = (path) => execFileSync('import', ['-window', 'root', path], { env });

  // The driver tests/e2e/morning.mjs plays its scenario through.
  const ui = {
    click, typeInto, press, sleep,
    find: (label, options) => findWidget(readHook, label, options),
    gone: (label, options) => waitGone(readHook, label, options),
    text: async (label) => {
      await findWidget(readHook, label);
      return readHook()?.widgets?.find((w) => w.label === label)?.text ?? '';
    },
    startingWith: async (prefix) => {
      for (const deadline = Date.now() + 20000; Date.now() < deadline; await sleep(100)) {
        const found = labels(readHook()).find((l) => l.startsWith(prefix));
        if (found) return found;
      }
      fail(`no widget starting with "${prefix}"; visible: ${labels(readHook()).join(' | ')}`);
    },
    visible: async (label) => labels(readHook()).includes(label),
  };

  return { env, x, readHook, startApp, quit, screenshot, ui, stop: () => xvfb.kill() };
}
