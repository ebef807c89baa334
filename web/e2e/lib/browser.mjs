// Debian's Chromium through playwright-core, with the flags WebRTC on loopback needs (fake camera and microphone).
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { origin } from './stack.mjs';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream',
  '--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns',
  // getDisplayMedia picks the whole (virtual) screen without a prompt, for the screen-share test.
  '--auto-select-desktop-capture-source=Entire screen',
  `--unsafely-treat-insecure-origin-as-secure=${origin}`];

/** One browser per participant, each with a fresh profile; closed by the caller. */
export async function launch() {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'televisit-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: FLAGS,
  });
  const page = context.pages()[0] || await context.newPage();
  page.on('pageerror', (e) => console.error('[page error]', e.message));
  return { context, page };
}

/** framesDecoded of inbound video and packetsReceived of inbound audio, summed over the page's peer connections. */
export async function media(page) {
  return page.evaluate(async () => {
    let frames = 0;
    let audio = 0;
    for (const { pc } of window.televisit.call.peers.values()) {
      (await pc.getStats()).forEach((s) => {
        if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesDecoded || 0;
        if (s.type === 'inbound-rtp' && s.kind === 'audio') audio += s.packetsReceived || 0;
      });
    }
    return { frames, audio };
  });
}

export async function until(fn, timeoutMs = 20_000, what = 'condition') {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}
