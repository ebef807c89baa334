// 3. The patient's signaling WebSocket is cut mid-visit: the patient shows "reconnecting", resumes, media goes on,
// and the clinician sees the patient reconnecting, never leaving.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { flowing, visitInProgress } from './lib/visit.mjs';

test('a signaling drop mid-visit is survived by resume', { timeout: 120_000 }, async () => {
  const visit = await visitInProgress();
  try {
    const { patient, clinician } = visit;
    await patient.page.evaluate(() => window.televisit.signaling.dropConnection());
    await patient.page.waitForSelector('#banner:has-text("Reconnecting")', { timeout: 5_000 });
    await patient.page.waitForFunction(() => window.televisit.signaling.state === 'connected', null, { timeout: 20_000 });
    await patient.page.waitForSelector('#banner.hidden', { state: 'attached', timeout: 5_000 });
    await flowing(clinician.page, patient.page);
    assert.equal(await clinician.page.evaluate(() => window.televisit.left || 0), 0, 'the clinician never saw "left"');
    assert.equal(await clinician.page.evaluate(() => window.televisit.call.peers.values().next().value.pc.connectionState),
      'connected');
  } finally {
    await visit.close();
  }
});
