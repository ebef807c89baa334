// 2. Relay only: with iceTransportPolicy relay and the local coturn, the selected candidate pair is a relay pair;
// an expired TURN credential produces a clear error on screen instead of waiting forever.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { launch } from './lib/browser.mjs';
import { origin, scheduleVisit, userToken } from './lib/stack.mjs';
import { visitInProgress } from './lib/visit.mjs';

async function selectedPair(page) {
  return page.evaluate(async () => {
    const { pc } = window.televisit.call.peers.values().next().value;
    const stats = await pc.getStats();
    const byId = new Map();
    stats.forEach((s) => byId.set(s.id, s));
    let pair = null;
    stats.forEach((s) => { if (s.type === 'transport' && s.selectedCandidatePairId) pair = byId.get(s.selectedCandidatePairId); });
    return pair && { local: byId.get(pair.localCandidateId).candidateType, remote: byId.get(pair.remoteCandidateId).candidateType };
  });
}

test('relay-only media goes through the local coturn', { timeout: 120_000 }, async () => {
  const visit = await visitInProgress({ query: '?policy=relay' });
  try {
    assert.deepEqual(await selectedPair(visit.patient.page), { local: 'relay', remote: 'relay' });
    assert.deepEqual(await selectedPair(visit.clinician.page), { local: 'relay', remote: 'relay' });
  } finally {
    await visit.close();
  }
});

test('an expired TURN credential is a clear error on screen', { timeout: 120_000 }, async () => {
  const clinicianToken = userToken('clinician', randomUUID());
  const { visitId, patientId, linkToken } = await scheduleVisit(clinicianToken);
  const clinician = await launch();
  const patient = await launch();
  try {
    // The patient's browser gets credentials whose expiry (the username's timestamp) has passed.
    await patient.page.addInitScript(() => {
      const Original = window.RTCPeerConnection;
      window.RTCPeerConnection = class extends Original {
        constructor(config) {
          super({ ...config, iceServers: config.iceServers.map((s) => (s.username
            ? { ...s, username: `1000000000:${s.username.split(':')[1]}` } : s)) });
        }
      };
    });
    await clinician.page.goto(`${origin}/clinician.html?policy=relay#token=${clinicianToken}`);
    await clinician.page.click(`button[data-visit="${visitId}"]`);
    await clinician.page.waitForSelector('#incall:not(.hidden)');
    await patient.page.goto(`${origin}/patient.html?policy=relay#link=${linkToken}`);
    await patient.page.waitForFunction(() => document.getElementById('preview').srcObject !== null);
    await patient.page.check('#consent');
    await patient.page.click('#join');
    await patient.page.waitForSelector('#waiting:not(.hidden)');
    await clinician.page.click(`#admit-${patientId}`);
    await patient.page.waitForSelector('#banner.error:has-text("Media connection problem")', { timeout: 20_000 });
    const text = await patient.page.textContent('#banner');
    assert.match(text, /401|ICE_NOT_STARTED/, text);
  } finally {
    await clinician.context.close();
    await patient.context.close();
  }
});
