// 5. The clinician switches camera mid-call (replaceTrack, no renegotiation): the call stays connected and the
// patient keeps decoding frames.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flowing, visitInProgress } from './lib/visit.mjs';

test('a camera switch mid-call keeps frames flowing', { timeout: 120_000 }, async () => {
  const visit = await visitInProgress();
  try {
    const { patient, clinician } = visit;
    const trackBefore = await clinician.page.evaluate(() => window.televisit.stream.getVideoTracks()[0].id);
    await clinician.page.click('#camera');
    await clinician.page.waitForFunction((id) => window.televisit.stream.getVideoTracks()[0].id !== id, trackBefore);
    await flowing(patient.page);
    const states = await Promise.all([clinician.page, patient.page].map((page) => page.evaluate(() =>
      [...window.televisit.call.peers.values()].map((p) => [p.pc.connectionState, p.pc.signalingState]))));
    assert.deepEqual(states, [[['connected', 'stable']], [['connected', 'stable']]]);
  } finally {
    await visit.close();
  }
});

test('a clinician shares the screen mid-call', { timeout: 120_000 }, async () => {
  const visit = await visitInProgress();
  try {
    const { patient, clinician } = visit;
    await patient.page.evaluate(() => window.televisit.signaling.addEventListener('media-state',
      (e) => { window.televisit.mediaState = e.detail.state; }));
    await clinician.page.click('#screen');
    await clinician.page.waitForFunction(() => [...window.televisit.call.peers.values()].every((p) => p.pc.getSenders()
      .some((s) => s.track && s.track.kind === 'video' && s.track.label.startsWith('screen'))), null, { timeout: 10_000 });
    await patient.page.waitForFunction(() => window.televisit.mediaState && window.televisit.mediaState.screen === true,
      null, { timeout: 10_000 });
    await flowing(patient.page);
  } finally {
    await visit.close();
  }
});
