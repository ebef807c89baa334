// ICE restart on a network change: the patient's browser comes back "online" (as after Wi-Fi to cellular); its SDK
// asks for a restart, the clinician's SDK makes an offer with new ICE credentials, and media goes on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { until } from './lib/browser.mjs';
import { flowing, visitInProgress } from './lib/visit.mjs';

const ufrag = (page) => page.evaluate(() => {
  const { pc } = window.televisit.call.peers.values().next().value;
  return /a=ice-ufrag:(\S+)/.exec(pc.localDescription.sdp)[1];
});

test('a network change restarts ICE and media goes on', { timeout: 120_000 }, async () => {
  const visit = await visitInProgress();
  try {
    const { patient, clinician } = visit;
    const before = await ufrag(clinician.page);
    await patient.page.evaluate(() => window.dispatchEvent(new Event('online')));
    const after = await until(async () => {
      const now = await ufrag(clinician.page);
      return now !== before ? now : null;
    }, 15_000, 'new ICE credentials in the clinician\'s offer');
    assert.notEqual(after, before);
    await flowing(clinician.page, patient.page);
  } finally {
    await visit.close();
  }
});
