// Pre-call checks a patient can run: echo test (record a few seconds, play back), connectivity by candidate type
// (host, srflx, relay through the visit's own STUN/TURN servers) and a bandwidth estimate over a relayed loopback.

/** Records `seconds` of the microphone and returns a URL to play it back. */
export async function echoTest(stream, seconds = 3) {
  const audioOnly = new MediaStream(stream.getAudioTracks());
  const recorder = new MediaRecorder(audioOnly);
  const chunks = [];
  recorder.ondataavailable = (e) => chunks.push(e.data);
  const stopped = new Promise((resolve) => { recorder.onstop = resolve; });
  recorder.start();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  recorder.stop();
  await stopped;
  return URL.createObjectURL(new Blob(chunks, { type: recorder.mimeType }));
}

/**
 * Gathers candidates with the visit's ICE servers: which types are reachable. TURN that refuses the credential shows
 * as an error entry (e.g. 401) rather than silence.
 */
export async function connectivity(ice, timeoutMs = 5000) {
  const pc = new RTCPeerConnection({ iceServers: ice.iceServers });
  const found = { host: false, srflx: false, relay: false, errors: [] };
  pc.onicecandidateerror = (e) => found.errors.push(`${e.errorCode} ${e.url || ''}`.trim());
  pc.createDataChannel('probe');
  const done = new Promise((resolve) => {
    pc.onicecandidate = (e) => {
      if (!e.candidate) { resolve(); return; }
      if (e.candidate.type in found) found[e.candidate.type] = true;
    };
    setTimeout(resolve, timeoutMs);
  });
  await pc.setLocalDescription(await pc.createOffer());
  await done;
  pc.close();
  return found;
}

/**
 * Sends the camera for `seconds` between two local peer connections forced through the TURN relay and returns the
 * sender's available outgoing bitrate estimate in kbps (what congestion control found), or null.
 */
export async function bandwidth(ice, stream, seconds = 4) {
  const config = { iceServers: ice.iceServers, iceTransportPolicy: 'relay' };
  const a = new RTCPeerConnection(config);
  const b = new RTCPeerConnection(config);
  a.onicecandidate = (e) => e.candidate && b.addIceCandidate(e.candidate).catch(() => {});
  b.onicecandidate = (e) => e.candidate && a.addIceCandidate(e.candidate).catch(() => {});
  stream.getVideoTracks().forEach((t) => a.addTrack(t, stream));
  await a.setLocalDescription(await a.createOffer());
  await b.setRemoteDescription(a.localDescription);
  await b.setLocalDescription(await b.createAnswer());
  await a.setRemoteDescription(b.localDescription);
  await new Promise((r) => setTimeout(r, seconds * 1000));
  let kbps = null;
  (await a.getStats()).forEach((s) => {
    if (s.type === 'candidate-pair' && s.nominated && s.availableOutgoingBitrate) {
      kbps = Math.round(s.availableOutgoingBitrate / 1000);
    }
  });
  a.close();
  b.close();
  return kbps;
}
