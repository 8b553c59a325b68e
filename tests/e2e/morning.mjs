// A coordinator's morning, played the same way on both targets through a driver `ui`:
//   ui.click(label, options), ui.typeInto(label, text), ui.press('ctrl+z') (or 'ctrl+pagedown'), ui.sleep(ms), ui.find(label, options),
//   ui.gone(label), ui.text(label) (what the widget holds), ui.startingWith(prefix) (a full label),
//   ui.visible(label) (whether it is on screen now).
// The clinic is set up first through the screens a coordinator uses (a practitioner with working
// hours tomorrow, two patients); then: find a patient by typing part of the name, add a phone number
// through Edit details, add an allergy and see it in the chart's header, book a follow-up in a free
// slot and be refused a taken one, log a phone call from Today, record a measurement and see it on
// the chart, mark a task done and undo that. checkMorningKept() then finds all of it again after a reload or a restart.
import { fail } from './support.mjs';

export const PRACTITIONER = 'Dr. Ana Ruiz';
export const PATIENT = 'Rosa Delgado';
const TASK = 'Call pharmacy about refill';
const TASK_ITEM = `Due today: ${TASK}`;
const PHONE = '555-0134';

// Today, tomorrow and tomorrow's weekday on this machine's clock, as the app reads it.
export function morningDays(now = new Date()) {
  const iso = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const tomorrow = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const weekday = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][tomorrow.getDay()];
  return { today: iso(now), tomorrow: iso(tomorrow), weekday };
}

// The Patients screen's list, leaving a chart left open there.
async function showPatientList(ui) {
  await ui.click('nav:Patients', { timeoutMs: 60000 });
  await ui.sleep(300);  // a frame or two for the screen to change
  if (await ui.visible('Back to patients')) await ui.click('Back to patients');
  await ui.find('Add patient');
}

export async function openChart(ui, name) {
  await showPatientList(ui);
  await ui.click(`patient:${name}`);
  await ui.find(`chart:${name}`);
}

// A chart tab: clicked when in view, else reached with Ctrl+PageDown as the tabs scroll.
export async function openTab(ui, title) {
  await ui.find('chart:tab');
  for (let i = 0; i < 16 && !(await ui.visible(`tab:${title}`)); ++i) {
    await ui.press('ctrl+pagedown');
    await ui.sleep(200);
  }
  await ui.click(`tab:${title}`);
}

async function choose(ui, field, option) {
  await ui.click(`field:${field}`);
  await ui.click(`option:${option}`);
}

// Saves the open form and waits for it to close and for `label` (the saved record) to show.
async function save(ui, label) {
  await ui.click('Save');
  await ui.gone('Save');
  if (label) await ui.find(label);
}

// Opens the chart's Edit details and checks the form holds `expected` (field name to text).
async function editDetails(ui, expected) {
  await ui.click('Edit details');
  for (const [field, text] of Object.entries(expected)) {
    const held = await ui.text(`field:${field}`);
    if (held !== text) fail(`Edit details shows ${field} "${held}", expected "${text}"`);
  }
}

async function addPatient(ui, given, family, birthDate) {
  await ui.click('Add patient');
  await ui.typeInto('Given name', given);
  await ui.typeInto('Family name', family);
  await ui.typeInto('Date of birth', birthDate);
  await ui.click('Save patient');
  await ui.find(`patient:${given} ${family}`);
}

export async function playMorning(ui, days, step) {
  await step(`set-up: ${PRACTITIONER} works ${days.weekday}s 08:00-12:00, and two patients are entered`, async () => {
    await ui.click('nav:Care team', { timeoutMs: 60000 });
    await ui.click('Add practitioner');
    await ui.typeInto('field:name', PRACTITIONER);
    await save(ui, `directory:${PRACTITIONER}`);
    await ui.click('nav:Settings');
    await ui.click('Add working hours');
    await choose(ui, 'practitioner', PRACTITIONER);
    await choose(ui, 'weekday', days.weekday);
    await ui.typeInto('field:start', '08:00');
    await ui.typeInto('field:end', '12:00');
    await save(ui, `working hours:${PRACTITIONER}`);
    await showPatientList(ui);
    await addPatient(ui, 'Rosa', 'Delgado', '1956-04-17');
    await addPatient(ui, 'Jun', 'Park', '1971-08-30');
  });

  await step('typing part of a name finds the patient and hides the others', async () => {
    await ui.typeInto('patients:search', 'delg');
    await ui.gone('patient:Jun Park');
    await ui.click(`patient:${PATIENT}`);
    await ui.find(`chart:${PATIENT}`);
  });

  await step('Edit details opens with the stored details, and a phone number added is kept', async () => {
    await editDetails(ui, { given_name: 'Rosa', family_name: 'Delgado', birth_date: '1956-04-17', phones: '' });
    await ui.typeInto('field:phones', PHONE);
    await save(ui);
    await editDetails(ui, { given_name: 'Rosa', phones: PHONE });
    await ui.click('Cancel');
    await ui.gone('Cancel');
  });

  await step('an allergy added on the Allergies tab shows in the chart header', async () => {
    await openTab(ui, 'Allergies');
    await ui.click('Add allergy');
    await ui.typeInto('field:substance', 'Penicillin');
    await save(ui, 'allergy:Penicillin');
    const header = await ui.text('allergies');
    if (!header.includes('Penicillin')) fail(`the header's allergies read "${header}"`);
  });

  await step('a follow-up is booked in the first free slot tomorrow', async () => {
    await ui.click('nav:Calendar');
    await ui.click(`slot:${days.tomorrow}T08:00`);
    const start = await ui.text('field:start');
    if (start !== `${days.tomorrow}T08:00`) fail(`the booking form starts at "${start}"`);
    await save(ui);
    await ui.gone(`slot:${days.tomorrow}T08:00`);
  });

  await step('booking the taken time is refused with a message naming the clash', async () => {
    await ui.click(`slot:${days.tomorrow}T08:30`);
    await ui.typeInto('field:start', `${days.tomorrow}T08:00`);
    await ui.typeInto('field:end', `${days.tomorrow}T08:30`);
    await ui.click('Save');
    const error = await ui.startingWith('error:');
    const message = await ui.text(error);
    if (!message.includes(`is already booked ${days.tomorrow} 08:00-08:30`) || !message.includes(PRACTITIONER))
      fail(`the refusal (${error}) reads "${message}"`);
    await ui.click('Cancel');
    await ui.gone('Save');
  });

  await step('a phone call is logged from Today', async () => {
    await ui.click('nav:Today');
    await ui.click(await ui.startingWith('Log call:Confirm the '));
    await ui.typeInto('field:with_whom', 'Rosa (patient)');
    await choose(ui, 'outcome', 'reached');
    await ui.typeInto('field:text', 'Confirmed the visit tomorrow at 08:00.');
    await save(ui);
  });

  await step('a measurement recorded on the Measurements tab is drawn on the chart', async () => {
    await openChart(ui, PATIENT);
    await openTab(ui, 'Measurements');
    await ui.click('Add measurement');
    await ui.typeInto('field:type', 'weight');
    await ui.typeInto('field:value', '72.5');
    await ui.typeInto('field:unit', 'kg');
    await ui.typeInto('field:taken_at', `${days.today}T08:15`);
    await save(ui, 'measurement:weight');
    const chart = await ui.text('chart:patient-measure');
    if (chart !== '1 points, latest 72.5 kg') fail(`the chart reports "${chart}"`);
  });

  await step('a task due today is marked done on Today, and Ctrl+Z brings it back', async () => {
    await openTab(ui, 'Care plan');
    await ui.click('Add task');
    await ui.typeInto('field:title', TASK);
    await ui.typeInto('field:due_date', days.today);
    await save(ui, `task:${TASK}`);
    await ui.click('nav:Today');
    await ui.click(`Done:${TASK_ITEM}`);
    await ui.gone(`item:${TASK_ITEM}`);
    await ui.press('ctrl+z');
    await ui.find(`item:${TASK_ITEM}`);
  });
}

// After a reload or a restart: the allergy in the header, the appointment, the call, the
// measurement, the task, and its item back on Today.
export async function checkMorningKept(ui) {
  await openChart(ui, PATIENT);
  const header = await ui.text('allergies');
  if (!header.includes('Penicillin')) fail(`the header's allergies read "${header}"`);
  await openTab(ui, 'Appointments');
  await ui.startingWith('appointment:');
  await openTab(ui, 'Notes');
  await ui.find('note:call');
  await openTab(ui, 'Measurements');
  await ui.find('measurement:weight');
  await openTab(ui, 'Care plan');
  await ui.find(`task:${TASK}`);
  await ui.click('nav:Today');
  await ui.find(`item:${TASK_ITEM}`);
}
