// Desktop end-to-end: the real `liaison` app in a real X window (Xvfb), driven by xdotool mouse
// and keyboard events at the positions the app's test hook reports for each labelled widget.
// Usage: node desktop_e2e.mjs <liaison binary> <output dir> <a FHIR patient bundle to import>
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDesktop } from './desktop_support.mjs';
import { checkNotBlank, fail, findWidget, outputDir, sleep, step, waitGone } from './support.mjs';
import { checkMorningKept, morningDays, playMorning } from './morning.mjs';

const [binary, out, fhirBundle] = process.argv.slice(2);
if (!binary || !out || !fhirBundle) fail('usage: desktop_e2e.mjs <liaison binary> <output dir> <FHIR bundle>');
outputDir(out);
const work = mkdtempSync(join(tmpdir(), 'liaison-desktop-'));
const dataDir = join(work, 'data');
// The app "opens" a handout with this command instead of a browser: a copy lands in `opened`.
const openedDir = join(work, 'opened');
mkdirSync(openedDir);

const desk = await startDesktop({ binary, work });
const { ui, readHook } = desk;
const startApp = () => desk.startApp(dataDir, { LIAISON_OPEN: `cp -t ${openedDir}` });

let app = null;
try {
  await step('the app starts on an empty data folder in a real window', async () => {
    app = startApp();
    await findWidget(readHook, 'nav:Patients', { timeoutMs: 30000 });
    await ui.click('nav:Patients');  // the app opens on Today
    await findWidget(readHook, 'Add patient');
    if (!existsSync(join(dataDir, 'device.json'))) fail('the data folder was not created');
  });

  await step('an empty name is refused with an inline error', async () => {
    await ui.click('Add patient');
    await ui.click('Save patient');
    await findWidget(readHook, 'error:given_name');
  });

  await step('a patient is added through mouse and keyboard events and listed', async () => {
    await ui.typeInto('Given name', 'Tomas');
    await ui.typeInto('Family name', 'Okafor');
    await ui.typeInto('Date of birth', '1949-11-02');
    await ui.typeInto('MRN', 'MRN-2002');
    await ui.typeInto('Phone', '555 010 3000');
    desk.x('key', 'Return');
    await findWidget(readHook, 'patient:Tomas Okafor');
    await waitGone(readHook, 'Save patient');
    await sleep(300);
    const shot = join(out, 'desktop.png');
    desk.screenshot(shot);
    console.log(`     screenshot ${shot}: ${checkNotBlank(shot)} colours`);
  });

  await step('the chart opens from the list and an allergy is added through the generic form', async () => {
    await ui.click('patient:Tomas Okafor');
    await findWidget(readHook, 'chart:Tomas Okafor');
    await ui.click('tab:Allergies');
    await ui.click('Add allergy');
    await ui.typeInto('field:substance', 'Penicillin');
    await ui.typeInto('field:recorded_date', '2031-01-01');
    await ui.click('Save');
    await findWidget(readHook, 'error:recorded_date');
    await ui.typeInto('field:recorded_date', '2024-05-01');
    await ui.click('Save');
    await findWidget(readHook, 'allergy:Penicillin');
    await waitGone(readHook, 'Save');
  });

  await step('adding amoxicillin warns of the penicillin allergy, and the handout is written and opened', async () => {
    await ui.click('tab:Medications');
    await ui.click('Add medication');
    await ui.typeInto('field:name', 'Amoxicillin 500 mg capsules');
    await findWidget(readHook, 'allergy-warning');
    const shot = join(out, 'desktop-allergy-warning.png');
    desk.screenshot(shot);
    checkNotBlank(shot);
    await ui.click('Save');
    await findWidget(readHook, 'medication:Amoxicillin 500 mg capsules');
    await ui.click('Print handout');
    let handout = null;
    for (let i = 0; i < 50 && !handout; ++i, await sleep(100)) handout = readdirSync(openedDir).find((f) => f.endsWith('.html'));
    if (!handout) fail('no handout was opened after "Print handout"');
    const html = readFileSync(join(openedDir, handout), 'utf8');
    for (const expected of ['Tomas Okafor', 'Penicillin', 'Amoxicillin 500 mg capsules'])
      if (!html.includes(expected)) fail(`the handout ${handout} does not mention "${expected}"`);
    if (!existsSync(join(dataDir, 'handouts', handout))) fail(`the handout is not kept in the data folder's handouts/`);
  });

  await playMorning(ui, morningDays(), step);

  await step('a FHIR bundle imported by its path is summarised, and everything exports to exports/', async () => {
    const patient = JSON.parse(readFileSync(fhirBundle, 'utf8')).entry.map((e) => e.resource)
      .find((r) => r.resourceType === 'Patient');
    await ui.click('nav:Import & export');
    await ui.typeInto('import:path', fhirBundle);
    await ui.click('import:add-path');
    await ui.click('import:run');
    let summary = '';
    for (const deadline = Date.now() + 60000; !summary.startsWith('Imported') && Date.now() < deadline; await sleep(200))
      summary = readHook()?.widgets?.find((w) => w.label === 'import:summary')?.text ?? '';
    for (const line of ['Patient: 1 added', 'Condition:', 'saved as one change'])
      if (!summary.includes(line)) fail(`the import summary lacks "${line}":\n${summary}`);
    await ui.click('export:all');
    const status = await ui.text('export:status');
    const saved = /Saved as (.+\.json)\./.exec(status);
    if (!saved || !saved[1].startsWith(join(dataDir, 'exports'))) fail(`the export says "${status}"`);
    const exported = JSON.parse(readFileSync(saved[1], 'utf8'));
    const family = patient.name[0].family;
    if (exported.resourceType !== 'Bundle' || !exported.entry.some((e) => e.resource.name?.[0]?.family === family))
      fail(`${saved[1]} is not a Bundle holding ${family}`);
  });

  await step('Ctrl+Q quits; a restart on the same data folder shows the patient, the allergy and the whole morning', async () => {
    await desk.quit(app);
    app = startApp();
    await findWidget(readHook, 'nav:Patients', { timeoutMs: 30000 });
    await ui.click('nav:Patients');
    await ui.click('patient:Tomas Okafor');
    await ui.click('tab:Allergies');
    await findWidget(readHook, 'allergy:Penicillin', { timeoutMs: 30000 });
    const shot = join(out, 'desktop-chart.png');
    desk.screenshot(shot);
    checkNotBlank(shot);
    await checkMorningKept(ui);
    await desk.quit(app);
    app = null;
  });
  console.log('desktop end-to-end: all steps passed');
} catch (err) {
  console.error(`FAILED: ${err.message}`);
  if (app) console.error(`app log:\n${app.log}`);
  try { desk.screenshot(join(out, 'desktop-failure.png')); } catch {}
  process.exitCode = 1;
} finally {
  if (app) app.kill();
  desk.stop();
  rmSync(work, { recursive: true, force: true });
}
