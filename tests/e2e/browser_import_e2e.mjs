// Browser end-to-end of FHIR import and export: Debian's Chromium (headless, SwiftShader WebGL2)
// driven by Playwright against the built client. A Synthea patient's bundle is chosen through the
// real file picker, dry-run, imported; the patient is found on the Patients screen, put in the
// signed-in coordinator's caseload, and the caseload and the patient are exported as real
// downloads, each checked to be a FHIR Bundle holding that patient. A malformed file is refused
// with a message naming it, and changes nothing.
// Usage: node browser_import_e2e.mjs <site dir> <output dir> <Synthea bundle>
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { checkNotBlank, fail, findWidget, labels, outputDir, sleep, step } from './support.mjs';
import { browserDriver, hookOf, launch, problems } from './browser_support.mjs';

const [site, out, bundlePath] = process.argv.slice(2);
if (!site || !out || !bundlePath) fail('usage: browser_import_e2e.mjs <site dir> <output dir> <Synthea bundle>');
outputDir(out);
const files = outputDir(join(out, 'browser-import'));  // the files chosen and downloaded

const profile = mkdtempSync(join(tmpdir(), 'liaison-import-'));

// The patient in the bundle, read independently of Liaison.
const bundle = JSON.parse(readFileSync(bundlePath, 'utf8'));
const fhirPatient = bundle.entry.map((e) => e.resource).find((r) => r.resourceType === 'Patient');
const patientName = `${fhirPatient.name[0].given[0]} ${fhirPatient.name[0].family}`;
const coordinator = 'Imogen Test';

const server = await serve(site, 0);
const url = `http://127.0.0.1:${server.address().port}/?test-hook`;
const { context, page } = await launch(profile, { width: 1280, height: 800 });
const readHook = hookOf(page);
const { click, typeInto } = browserDriver(page);

// The text the hook reports for `label`, once `test` accepts it.
async function waitForText(label, test, { timeoutMs = 60000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let hook = null;
  while (Date.now() < deadline) {
    hook = await readHook();
    const w = hook?.widgets?.find((x) => x.label === label);
    if (w && test(w.text || '')) return w.text;
    await sleep(100);
  }
  const w = hook?.widgets?.find((x) => x.label === label);
  const texts = (hook?.widgets || []).filter((x) => x.text).map((x) => `${x.label}: ${x.text}`);
  fail(`"${label}" did not show the expected text after ${timeoutMs} ms; it shows: ${w ? JSON.stringify(w.text) : '(not on screen)'}; ` +
       `visible: ${labels(hook).join(' | ')}\n${texts.join('\n')}`);
}

// Clicks `label` and returns the file the browser downloads, parsed.
async function download(label, name) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), click(label)]);
  const saved = join(files, name);
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), json: JSON.parse(readFileSync(saved, 'utf8')) };
}

function checkBundleHolds(what, got) {
  if (got.json.resourceType !== 'Bundle' || got.json.type !== 'collection')
    fail(`${what}: expected a collection Bundle, got ${got.json.resourceType} ${got.json.type}`);
  const patients = got.json.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Patient');
  if (!patients.some((p) => p.name?.some((n) => n.family === fhirPatient.name[0].family)))
    fail(`${what}: no Patient named ${fhirPatient.name[0].family} among ${patients.length} patients`);
  if (!got.json.entry.some((e) => e.resource.resourceType === 'Condition'))
    fail(`${what}: the patient's conditions are missing`);
}

async function chooseFiles(paths) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser', { timeout: 30000 }), click('import:choose')]);
  await chooser.setFiles(paths);
  for (const p of paths) await findWidget(readHook, `import:file:${basename(p)}`);
}

try {
  await step('the Import & export screen opens from the navigation', async () => {
    await page.goto(url);
    await findWidget(readHook, 'nav:Import & export', { timeoutMs: 60000 });
    await click('nav:Import & export');
    await findWidget(readHook, 'import:choose');
  });

  await step('a malformed file is refused with a message naming it, and nothing changes', async () => {
    const broken = join(files, 'broken-bundle.json');
    writeFileSync(broken, JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [
      { resource: { resourceType: 'Patient', id: 'p1', name: [{ family: 'Broken', given: ['Only'] }], birthDate: '1960-01-01' } },
      { resource: { resourceType: 'Condition', subject: { reference: 'Patient/p1' }, code: { text: 'Asthma' },
                    onsetDateTime: '2026-02-30' } }] }));
    await chooseFiles([broken]);
    await click('import:run');
    const message = await waitForText('import:error', (t) => t.length > 0);
    if (!message.includes('broken-bundle.json') || !message.includes('entry 1') || !message.includes('/onsetDateTime'))
      fail(`the message does not name the file, the entry and the path: ${message}`);
    if (!message.includes('Nothing was imported')) fail(`the message does not say nothing changed: ${message}`);
    await click('import:remove:broken-bundle.json');
  });

  await step(`a Synthea bundle chosen with the file picker is dry-run, then imported with a summary`, async () => {
    await chooseFiles([bundlePath]);
    await click('import:dry-run');
    const dry = await waitForText('import:summary', (t) => t.startsWith('Dry run'));
    if (!/Patient: 1 added/.test(dry)) fail(`the dry run does not say the patient would be added:\n${dry}`);
    if (!/nothing written/.test(dry)) fail(`the dry run does not say nothing was written:\n${dry}`);
    // The longest gap between two animation frames while importing: the work is spread over frames.
    await page.evaluate(() => {
      const probe = globalThis.frameProbe = { last: performance.now(), longest: 0, frames: 0 };
      const tick = (now) => {
        probe.longest = Math.max(probe.longest, now - probe.last);
        probe.last = now;
        probe.frames++;
        if (!probe.stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await click('import:run');
    const done = await waitForText('import:summary', (t) => t.startsWith('Imported'));
    const frames = await page.evaluate(() => { globalThis.frameProbe.stop = true; return globalThis.frameProbe; });
    console.log(`     ${frames.frames} frames while importing, the longest ${Math.round(frames.longest)} ms`);
    if (frames.longest > 2000) fail(`the page froze for ${Math.round(frames.longest)} ms while importing`);
    for (const line of ['Patient: 1 added', 'Condition:', 'Encounter:', 'saved as one change'])
      if (!done.includes(line)) fail(`the summary lacks "${line}":\n${done}`);
    if (!/Claim: \d+ kept for export/.test(done)) fail(`the summary does not count the kept claims:\n${done}`);
    await findWidget(readHook, 'save:Saved', { timeoutMs: 60000 });
    await page.waitForTimeout(300);
    const shot = join(out, 'browser-import.png');
    await page.screenshot({ path: shot });
    console.log(`     screenshot ${shot}: ${checkNotBlank(shot)} colours`);
  });

  await step('the imported patient is found on the Patients screen', async () => {
    await click('nav:Patients');
    await typeInto('patients:search', fhirPatient.name[0].family);
    await findWidget(readHook, `patient:${patientName}`);
  });

  await step('"Export this patient" on the chart downloads a Bundle holding them', async () => {
    await click(`patient:${patientName}`);
    await findWidget(readHook, `chart:${patientName}`);
    const got = await download('chart:export', 'patient-export.json');
    if (!got.name.endsWith('.json')) fail(`unexpected file name ${got.name}`);
    checkBundleHolds('the patient export', got);
  });

  await step('imported again with Liaison\'s coordinator field, the patient is updated, not duplicated', async () => {
    // The same Patient resource, with the extension Liaison's own export writes for the coordinator.
    const again = join(files, 'patient-with-coordinator.json');
    writeFileSync(again, JSON.stringify({ ...fhirPatient, extension: [...(fhirPatient.extension || []),
      { url: 'urn:liaison:field:patient.coordinator', valueString: coordinator }] }));
    await click('nav:Import & export');
    await chooseFiles([again]);
    await click('import:run');
    await waitForText('import:summary', (t) => t.startsWith('Imported') && t.includes('Patient: 1 updated'));
  });

  await step('signed in as that coordinator, "Export my caseload" downloads a Bundle holding the patient', async () => {
    await click('nav:Settings');
    await typeInto('settings:typed-name', coordinator);
    await click('settings:sign-in');
    await click('nav:Import & export');
    const got = await download('export:caseload', 'caseload-export.json');
    checkBundleHolds('the caseload export', got);
    const patients = got.json.entry.filter((e) => e.resource.resourceType === 'Patient');
    if (patients.length !== 1) fail(`the caseload holds ${patients.length} patients, expected 1`);
    await waitForText('export:status', (t) => t.includes('caseload exported') && t.includes('Downloaded'));
    const shot = join(out, 'browser-export.png');
    await page.screenshot({ path: shot });
  });

  if (problems.length) fail(`the page reported problems:\n${problems.join('\n')}`);
  console.log('browser import/export end-to-end: all steps passed');
} catch (e) {
  await page.screenshot({ path: join(out, 'browser-import-failure.png') }).catch(() => {});
  throw e;
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
