// Figure: from the clinician's admit click to the first remote video frame decoded on BOTH sides, over N visits
// (each with fresh browsers), through the gateway of a running stack. Prints every run, p50 and max.
// usage: node bench/admit-to-media.mjs [RUNS=10]   (bench/web-admit-to-media.sh starts a fresh stack for it)
import { randomUUID } from 'node:crypto';
import { launch } from '../e2e/lib/browser.mjs';
import { origin, scheduleVisit, userToken } from '../e2e/lib/stack.mjs';

const runs = Number(process.argv[2] || 10);
const framesOf = (page) => page.evaluate(async () => {
  let frames = 0;
  for (const { pc } of (window.televisit.call?.peers || new Map()).values()) {
    (await pc.getStats()).forEach((s) => { if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesDecoded || 0; });
  }
  return frames;
});

const results = [];
for (let i = 0; i < runs; i++) {
  const clinicianToken = userToken('clinician', randomUUID());
  const visit = await scheduleVisit(clinicianToken);
  const clinician = await launch();
  const patient = await launch();
  try {
    await clinician.page.goto(`${origin}/clinician.html#token=${clinicianToken}`);
    await clinician.page.click(`button[data-visit="${visit.visitId}"]`);
    await clinician.page.waitForSelector('#incall:not(.hidden)');
    await patient.page.goto(`${origin}/patient.html#link=${visit.linkToken}`);
    await patient.page.waitForFunction(() => document.getElementById('preview').srcObject !== null);
    await patient.page.check('#consent');
    await patient.page.click('#join');
    await patient.page.waitForSelector('#waiting:not(.hidden)');
    const t0 = Date.now();
    await clinician.page.click(`#admit-${visit.patientId}`);
    const seen = {};
    while (!(seen.c && seen.p) && Date.now() - t0 < 30_000) {
      if (!seen.c && await framesOf(clinician.page) > 0) seen.c = Date.now() - t0;
      if (!seen.p && await framesOf(patient.page) > 0) seen.p = Date.now() - t0;
      await new Promise((r) => setTimeout(r, 20));
    }
    const both = Math.max(seen.c ?? Infinity, seen.p ?? Infinity);
    results.push(both);
    console.log(`run ${i + 1}: clinician ${seen.c} ms, patient ${seen.p} ms, both ${both} ms`);
  } finally {
    await clinician.context.close();
    await patient.context.close();
  }
}
const sorted = [...results].sort((a, b) => a - b);
const p50 = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
console.log(`admit -> first frame decoded on both sides over ${runs} runs: p50 ${p50} ms, min ${sorted[0]} ms, max ${sorted.at(-1)} ms`);
