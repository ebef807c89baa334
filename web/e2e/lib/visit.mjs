// A visit in progress between two browsers, for the tests that start from there.
import { randomUUID } from 'node:crypto';
import { launch, media, until } from './browser.mjs';
import { origin, scheduleVisit, userToken } from './stack.mjs';

export async function visitInProgress({ query = '' } = {}) {
  const clinicianToken = userToken('clinician', randomUUID());
  const visit = await scheduleVisit(clinicianToken);
  const clinician = await launch();
  const patient = await launch();
  await clinician.page.goto(`${origin}/clinician.html${query}#token=${clinicianToken}`);
  await clinician.page.click(`button[data-visit="${visit.visitId}"]`);
  await clinician.page.waitForSelector('#incall:not(.hidden)');
  await patient.page.goto(`${origin}/patient.html${query}#link=${visit.linkToken}`);
  await patient.page.waitForFunction(() => document.getElementById('preview').srcObject !== null);
  await patient.page.check('#consent');
  await patient.page.click('#join');
  await patient.page.waitForSelector('#waiting:not(.hidden)');
  await clinician.page.click(`#admit-${visit.patientId}`);
  await flowing(clinician.page, patient.page);
  return { ...visit, clinicianToken, clinician, patient,
    close: async () => { await clinician.context.close(); await patient.context.close(); } };
}

/** Waits until both pages decode more video frames and receive more audio than now. */
export async function flowing(...pages) {
  const before = await Promise.all(pages.map(media));
  return until(async () => {
    const now = await Promise.all(pages.map(media));
    return now.every((m, i) => m.frames > before[i].frames && m.audio > before[i].audio) ? now : null;
  }, 30_000, 'media flowing on both sides');
}
