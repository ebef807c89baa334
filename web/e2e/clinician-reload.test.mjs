// 4. The clinician reloads the page: the patient sees "the clinician is reconnecting", the clinician's page resumes
// its session, makes a fresh connection, and the visit goes on; the patient never sees the clinician leave.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { until } from './lib/browser.mjs';
import { flowing, visitInProgress } from './lib/visit.mjs';

test('a clinician reload is survived by the visit', { timeout: 120_000 }, async () => {
  const visit = await visitInProgress();
  try {
    const { patient, clinician } = visit;
    await clinician.page.reload();
    await patient.page.waitForSelector('#banner:has-text("clinician is reconnecting")', { timeout: 10_000 });
    await clinician.page.waitForSelector('#incall:not(.hidden)', { timeout: 20_000 });
    await patient.page.waitForSelector('#banner.hidden', { state: 'attached', timeout: 10_000 });
    await until(() => patient.page.evaluate(() => [...window.televisit.call.peers.values()]
      .some((p) => p.pc.connectionState === 'connected')), 20_000, 'a new connection to the clinician');
    await flowing(clinician.page, patient.page);
    assert.equal(await patient.page.evaluate(() => window.televisit.left || 0), 0, 'the patient never saw "left"');
    assert.equal(await patient.page.isVisible('#incall'), true);
  } finally {
    await visit.close();
  }
});
