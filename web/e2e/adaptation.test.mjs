// The SDK's side of quality: its getStats reports reach quality-service (the live report has both participants'
// samples and the path), and a profile recommendation is applied to the video sender (audio-only stops video).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { until } from './lib/browser.mjs';
import { api } from './lib/stack.mjs';
import { visitInProgress } from './lib/visit.mjs';

test('quality reports reach quality-service and profiles are applied', { timeout: 120_000 }, async () => {
  const visit = await visitInProgress();
  try {
    const report = await until(async () => {
      const r = await api('GET', `/api/quality/v1/visits/${visit.visitId}/report`, visit.clinicianToken).catch(() => null);
      return r && r.participants.length === 2 && r.participants.every((p) => p.samples >= 2) ? r : null;
    }, 30_000, 'samples of both participants in quality-service');
    assert.deepEqual(report.participants.map((p) => p.path).sort(), ['DIRECT', 'DIRECT']);

    // The clinician's client receives AUDIO_ONLY (as signaling would push it) and stops sending video.
    await visit.clinician.page.evaluate(() => window.televisit.signaling.dispatchEvent(new CustomEvent(
      'profile-recommendation', { detail: { profile: 'AUDIO_ONLY', reasonCode: 'AUDIO_PROTECTION' } })));
    await visit.clinician.page.waitForFunction(() => [...window.televisit.call.peers.values()].every((p) =>
      p.pc.getSenders().filter((s) => s.track && s.track.kind === 'video')
        .every((s) => s.getParameters().encodings[0].active === false)));
    const frames = () => visit.patient.page.evaluate(async () => {
      let n = 0;
      for (const { pc } of window.televisit.call.peers.values()) {
        (await pc.getStats()).forEach((s) => { if (s.type === 'inbound-rtp' && s.kind === 'video') n += s.framesDecoded; });
      }
      return n;
    });
    await new Promise((r) => setTimeout(r, 1000));
    const stopped = await frames();
    await new Promise((r) => setTimeout(r, 2000));
    assert.ok(await frames() - stopped <= 2, 'the patient no longer decodes the clinician\'s video');

    // Back to HIGH: video resumes.
    await visit.clinician.page.evaluate(() => window.televisit.signaling.dispatchEvent(new CustomEvent(
      'profile-recommendation', { detail: { profile: 'HIGH', reasonCode: 'RECOVERED', maxBitrateKbps: 1500 } })));
    const resumed = await frames();
    await until(async () => (await frames()) > resumed + 10, 15_000, 'video again after HIGH');
  } finally {
    await visit.close();
  }
});
