// 1. A full visit: scheduled over REST, the patient opens the one-time link, passes the pre-call page, consents,
// waits, is admitted; both sides receive video frames and audio packets; the clinician ends; both see the end;
// call-service's history shows ENDED with both participants and a duration.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { launch, media, until } from './lib/browser.mjs';
import { api, origin, scheduleVisit, userToken } from './lib/stack.mjs';

test('a full video visit through call-service and signaling', { timeout: 120_000 }, async () => {
  const clinicianToken = userToken('clinician', randomUUID());
  const { visitId, patientId, linkToken } = await scheduleVisit(clinicianToken);
  const clinician = await launch();
  const patient = await launch();
  try {
    await clinician.page.goto(`${origin}/clinician.html#token=${clinicianToken}`);
    await clinician.page.click(`button[data-visit="${visitId}"]`);
    await clinician.page.waitForSelector('#incall:not(.hidden)');

    await patient.page.goto(`${origin}/patient.html#link=${linkToken}`);
    await patient.page.waitForFunction(() => document.getElementById('preview').srcObject !== null);
    // Pre-call test: devices listed, the level meter moves, the echo test records and plays back.
    assert.ok(await patient.page.$$eval('#camera option', (o) => o.length) > 0, 'a camera to choose');
    await patient.page.waitForFunction(() => document.getElementById('level').value > 0, null, { timeout: 10_000 });
    await patient.page.click('#echo');
    await patient.page.waitForFunction(() => window.televisit.echoRecorded === true, null, { timeout: 10_000 });
    await patient.page.check('#consent');
    await patient.page.click('#join');
    await patient.page.waitForSelector('#waiting:not(.hidden)');
    // In the waiting room: the relay is reachable with the visit's credentials, and a bandwidth figure is shown.
    await patient.page.waitForFunction(() => window.televisit.bandwidthKbps !== undefined, null, { timeout: 20_000 });
    const checks = await patient.page.evaluate(() => ({ ...window.televisit.connectivity,
      bandwidth: window.televisit.bandwidthKbps }));
    assert.equal(checks.relay, true, JSON.stringify(checks));
    assert.equal(checks.host, true, JSON.stringify(checks));

    const admitted = Date.now();
    await clinician.page.click(`#admit-${patientId}`);
    await patient.page.waitForSelector('#incall:not(.hidden)');
    // The clinician's connection panel fills in from getStats.
    await clinician.page.waitForFunction(() => /RTT \d+ ms/.test(document.getElementById('stats').textContent), null,
      { timeout: 15_000 });
    const both = await until(async () => {
      const [c, p] = [await media(clinician.page), await media(patient.page)];
      return c.frames > 0 && p.frames > 0 && c.audio > 0 && p.audio > 0 ? { c, p } : null;
    }, 30_000, 'video frames and audio packets on both sides');
    console.log(`admit -> first frames decoded on both sides: ${Date.now() - admitted} ms`, JSON.stringify(both));

    await clinician.page.click('#end');
    await patient.page.waitForSelector('#ended:not(.hidden)', { timeout: 15_000 });
    await clinician.page.waitForSelector('#ended:not(.hidden)', { timeout: 15_000 });
  } finally {
    await clinician.context.close();
    await patient.context.close();
  }
  const visit = await until(async () => {
    const v = await api('GET', `/api/calls/v1/visits/${visitId}`, clinicianToken);
    return v.status === 'ENDED' ? v : null;
  }, 20_000, 'the visit ENDED in call-service');
  assert.equal(visit.participants.length, 2);
  for (const participant of visit.participants) {
    assert.ok(participant.joinedAt, `${participant.role} joined`);
  }
  assert.ok(visit.actualDurationSeconds >= 0, 'a duration');
});
