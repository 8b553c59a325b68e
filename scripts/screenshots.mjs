// Takes the screenshots of scripts/screenshots: starts the desktop app on the given data folder in
// Xvfb (1280x800), opens each screen and a chart's main tabs by clicking them, and saves each as a
// PNG; then again in the dark theme and at 200% font size. The coordinator is the generated
// clinic's first, so "Mine" has a caseload.
// Usage: node screenshots.mjs <liaison binary> <data folder> <output folder>
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDesktop } from '../tests/e2e/desktop_support.mjs';
import { openTab } from '../tests/e2e/morning.mjs';
import { checkNotBlank, fail, sleep } from '../tests/e2e/support.mjs';

const [binary, data, out] = process.argv.slice(2);
if (!binary || !data || !out) fail('usage: screenshots.mjs <liaison binary> <data folder> <output folder>');
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'liaison-shots-'));
const desk = await startDesktop({ binary, work });
const { ui } = desk;

async function shoot(name) {
  await sleep(1200);  // charts and lists settle; the tooltip of the last click fades
  const file = join(out, `${name}.png`);
  desk.screenshot(file);
  console.log(`${file}: ${checkNotBlank(file)} colours`);
}

// Opens the chart of the first patient with a high readmission risk.
async function openAChart() {
  await ui.click('nav:Patients', { timeoutMs: 60000 });
  await ui.click('patients:risk');
  await ui.click('option:high');
  await sleep(500);  // the list filters in the next frame
  const name = await ui.startingWith('patient:');
  await ui.click(name);
}

async function session(preferences, shots) {
  writeFileSync(join(data, 'preferences.json'), JSON.stringify({ coordinator: 'coordinator-1', ...preferences }));
  const app = desk.startApp(data);
  try {
    await ui.find('nav:Today', { timeoutMs: 60000 });
    await shots();
  } finally {
    await desk.quit(app);
  }
}

try {
  await session({ theme: 'light', font_percent: 100 }, async () => {
    for (const [nav, name] of [['Today', 'today'], ['Calendar', 'calendar'], ['Care team', 'directory'],
      ['Referrals', 'boards'], ['Dashboard', 'dashboard'], ['Settings', 'settings'], ['Import & export', 'import-export'],
      ['Patients', 'patients']]) {
      await ui.click(`nav:${nav}`);
      await shoot(name);
    }
    await openAChart();
    for (const [tab, name] of [['Summary', 'chart-summary'], ['Care plan', 'chart-care-plan'],
      ['Transitions of care', 'chart-transitions'], ['Measurements', 'chart-measurements']]) {
      await openTab(ui, tab);
      await shoot(name);
    }
  });
  await session({ theme: 'dark', font_percent: 100 }, async () => {
    await shoot('today-dark');
    await openAChart();
    await shoot('chart-dark');
  });
  await session({ theme: 'light', font_percent: 200 }, async () => {
    await shoot('today-200');
    await openAChart();
    await shoot('chart-200');
  });
} finally {
  desk.stop();
  rmSync(work, { recursive: true, force: true });
}
