// Televisit WebRTC call on top of SignalingClient: one RTCPeerConnection per remote participant. The clinician makes
// the offers (no glare); a patient who is admitted asks for one with `ice-restart`, which the server routes to the
// clinician. Events: remote-stream {participantId, stream}, connection {participantId, state}, ice-error
// {participantId, code, text, url}, profile {profile, maxBitrateKbps}, stats {participantId, summary}.

const PROFILE_HEIGHT = { HIGH: 720, MEDIUM: 360, LOW: 180 };

export class VisitCall extends EventTarget {
  constructor({ signaling, role, localStream, statsIntervalMs = 5000, iceStartTimeoutMs = 10000, iceTransportPolicy }) {
    super();
    this.forcedPolicy = iceTransportPolicy;
    this.signaling = signaling;
    this.role = role;
    this.localStream = localStream;
    this.statsIntervalMs = statsIntervalMs;
    this.iceStartTimeoutMs = iceStartTimeoutMs;
    this.peers = new Map();
    this.ice = null;
    this.profile = 'HIGH';
    this.#listen();
    // A network change (Wi-Fi to cellular) invalidates the candidate pair: restart ICE at once.
    this.onOnline = () => { for (const id of this.peers.keys()) this.#restart(id); };
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
  }

  /** Starts from the `joined` payload, or from `resumed` after a page reload (then the clinician offers anew). */
  start(joined) {
    this.ice = joined.ice;
    if (this.role === 'CLINICIAN') {
      joined.participants.filter((p) => p.admitted && p.state === 'CONNECTED' && !this.peers.has(p.participantId))
        .forEach((p) => this.#offer(p.participantId, false));
    }
    if (this.role !== 'CLINICIAN' && joined.admission === 'ADMITTED'
        && joined.participants.some((p) => p.role === 'CLINICIAN')) {
      this.#askForOffer();
    }
    this.statsTimer = setInterval(() => this.#reportStats(), this.statsIntervalMs);
  }

  stop() {
    clearInterval(this.statsTimer);
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
    for (const peer of this.peers.values()) peer.pc.close();
    this.peers.clear();
  }

  /** Replaces the camera (or microphone) track on every connection; no renegotiation. */
  async replaceTrack(track) {
    const old = this.localStream.getTracks().find((t) => t.kind === track.kind);
    if (old) { this.localStream.removeTrack(old); old.stop(); }
    this.localStream.addTrack(track);
    for (const { pc } of this.peers.values()) {
      const sender = pc.getSenders().find((s) => s.track && s.track.kind === track.kind);
      if (sender) await sender.replaceTrack(track);
    }
  }

  /** Clinicians: sends the screen instead of the camera until the share ends. */
  async shareScreen() {
    if (this.role !== 'CLINICIAN') throw new Error('only clinicians share their screen');
    const screen = await navigator.mediaDevices.getDisplayMedia({ video: true });
    const track = screen.getVideoTracks()[0];
    const camera = this.localStream.getVideoTracks()[0];
    for (const { pc } of this.peers.values()) {
      const sender = pc.getSenders().find((s) => s.track && s.track.kind === 'video');
      if (sender) await sender.replaceTrack(track);
    }
    this.signaling.send('media-state', { screen: true });
    track.onended = async () => {
      for (const { pc } of this.peers.values()) {
        const sender = pc.getSenders().find((s) => s.track === track);
        if (sender) await sender.replaceTrack(camera);
      }
      this.signaling.send('media-state', { screen: false });
    };
  }

  setMuted(kind, muted) {
    this.localStream.getTracks().filter((t) => t.kind === kind).forEach((t) => { t.enabled = !muted; });
    this.signaling.send('media-state', { [kind]: !muted });
  }

  #listen() {
    const s = this.signaling;
    s.addEventListener('admitted', () => this.#askForOffer());
    s.addEventListener('ice-restart', (e) => {
      if (this.role === 'CLINICIAN' && e.detail.requestedBy) this.#offer(e.detail.requestedBy, true);
    });
    s.addEventListener('participant-joined', (e) => {
      if (this.role === 'CLINICIAN' && e.detail.admitted) this.#offer(e.detail.participantId, false);
    });
    s.addEventListener('offer', (e) => this.#answer(e.detail.from, e.detail));
    s.addEventListener('answer', (e) => {
      const peer = this.peers.get(e.detail.from);
      if (peer) peer.pc.setRemoteDescription({ type: 'answer', sdp: e.detail.sdp });
    });
    s.addEventListener('ice-candidate', (e) => {
      const peer = this.peers.get(e.detail.from);
      if (peer) peer.pc.addIceCandidate({ candidate: e.detail.candidate, sdpMid: e.detail.sdpMid,
        sdpMLineIndex: e.detail.sdpMLineIndex }).catch(() => {});
    });
    s.addEventListener('ice-servers', (e) => {
      this.ice = e.detail;
      for (const { pc } of this.peers.values()) {
        pc.setConfiguration({ iceServers: e.detail.iceServers,
          iceTransportPolicy: this.forcedPolicy || e.detail.iceTransportPolicy });
      }
    });
    s.addEventListener('participant-left', (e) => this.#drop(e.detail.participantId));
    s.addEventListener('participant-disconnected', (e) => this.#drop(e.detail.participantId));
    s.addEventListener('profile-recommendation', (e) => this.#applyProfile(e.detail));
  }

  #askForOffer() {
    this.signaling.send('ice-restart', { reason: 'READY' });
  }

  #peer(participantId) {
    let peer = this.peers.get(participantId);
    if (peer) return peer;
    const pc = new RTCPeerConnection({ iceServers: this.ice.iceServers,
      iceTransportPolicy: this.forcedPolicy || this.ice.iceTransportPolicy });
    // peerId tells the other side that this is a new connection (e.g. after a reload), not a renegotiation.
    peer = { pc, participantId, started: false, peerId: crypto.randomUUID(), remotePeerId: null };
    this.peers.set(participantId, peer);
    this.localStream.getTracks().forEach((t) => pc.addTrack(t, this.localStream));
    pc.onicecandidate = (e) => {
      if (e.candidate) {
        peer.started = true;
        this.signaling.send('ice-candidate', e.candidate.toJSON(), participantId);
      } else {
        this.signaling.send('end-of-candidates', undefined, participantId);
      }
    };
    pc.onicecandidateerror = (e) => this.#emit('ice-error', { participantId, code: e.errorCode, text: e.errorText,
      url: e.url });
    pc.ontrack = (e) => this.#emit('remote-stream', { participantId, stream: e.streams[0] });
    pc.onconnectionstatechange = () => {
      this.#emit('connection', { participantId, state: pc.connectionState });
      if (pc.connectionState === 'failed') this.#restart(participantId);
    };
    // ICE that never starts (e.g. every TURN server refused the credential) would otherwise wait forever.
    peer.iceTimer = setTimeout(() => {
      if (!['connected', 'completed'].includes(pc.iceConnectionState)) {
        this.#emit('ice-error', { participantId, code: 'ICE_NOT_STARTED',
          text: `no connection after ${this.iceStartTimeoutMs / 1000} s (state ${pc.iceConnectionState})` });
      }
    }, this.iceStartTimeoutMs);
    return peer;
  }

  async #offer(participantId, iceRestart) {
    const { pc } = this.#peer(participantId);
    // One negotiation at a time: a second trigger while an offer is out is answered by that offer.
    if (pc.signalingState !== 'stable') return;
    const offer = await pc.createOffer({ iceRestart });
    await pc.setLocalDescription(offer);
    this.signaling.send('offer', { sdp: offer.sdp, peerId: this.peers.get(participantId).peerId }, participantId);
  }

  async #answer(participantId, offer) {
    const existing = this.peers.get(participantId);
    if (existing && existing.remotePeerId && offer.peerId && existing.remotePeerId !== offer.peerId) {
      this.#drop(participantId); // the other side started over: a fresh connection, not a renegotiation
    }
    const peer = this.#peer(participantId);
    peer.remotePeerId = offer.peerId || null;
    const { pc } = peer;
    await pc.setRemoteDescription({ type: 'offer', sdp: offer.sdp });
    const answer = await pc.createAnswer();
    await pc.setLocalDescription(answer);
    this.signaling.send('answer', { sdp: answer.sdp }, participantId);
  }

  #restart(participantId) {
    if (this.role === 'CLINICIAN') this.#offer(participantId, true);
    else this.signaling.send('ice-restart', { reason: 'ICE_FAILED' });
  }

  #drop(participantId) {
    const peer = this.peers.get(participantId);
    if (!peer) return;
    clearTimeout(peer.iceTimer);
    peer.pc.close();
    this.peers.delete(participantId);
  }

  async #applyProfile({ profile, maxBitrateKbps }) {
    this.profile = profile;
    for (const { pc } of this.peers.values()) {
      for (const sender of pc.getSenders()) {
        if (!sender.track || sender.track.kind !== 'video') continue;
        const params = sender.getParameters();
        if (!params.encodings || params.encodings.length === 0) params.encodings = [{}];
        const encoding = params.encodings[0];
        encoding.active = profile !== 'AUDIO_ONLY';
        if (maxBitrateKbps) encoding.maxBitrate = maxBitrateKbps * 1000;
        const height = sender.track.getSettings().height || 720;
        encoding.scaleResolutionDownBy = Math.max(1, height / (PROFILE_HEIGHT[profile] || height));
        await sender.setParameters(params).catch(() => {});
      }
    }
    this.#emit('profile', { profile, maxBitrateKbps });
  }

  async #reportStats() {
    for (const { pc, participantId } of this.peers.values()) {
      const summary = await summarize(pc);
      if (!summary || summary.report.streams.length === 0) continue;
      this.#emit('stats', { participantId, summary });
      this.signaling.send('quality-report', summary.report);
    }
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

/** A getStats() summary: the connection panel's figures and the protocol's quality-report payload. */
export async function summarize(pc) {
  const stats = await pc.getStats();
  let pair = null;
  const byId = new Map();
  stats.forEach((s) => byId.set(s.id, s));
  // The transport names the selected pair; older browsers only flag it as nominated.
  stats.forEach((s) => {
    if (s.type === 'transport' && s.selectedCandidatePairId) pair = byId.get(s.selectedCandidatePairId) || pair;
  });
  if (!pair) {
    stats.forEach((s) => { if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded') pair = s; });
  }
  const streams = [];
  let framesDecoded = 0;
  let bytesReceived = 0;
  let audioPackets = 0;
  stats.forEach((s) => {
    if (s.type === 'inbound-rtp') {
      bytesReceived += s.bytesReceived || 0;
      const lost = s.packetsLost || 0;
      const received = s.packetsReceived || 0;
      if (s.kind === 'video') framesDecoded += s.framesDecoded || 0;
      if (s.kind === 'audio') audioPackets += received;
      streams.push(clean({ direction: 'inbound', kind: s.kind,
        packetLossPct: received + lost > 0 ? Math.min(100, (100 * lost) / (received + lost)) : 0,
        jitterMs: s.jitter !== undefined ? Math.min(60000, s.jitter * 1000) : undefined,
        framesPerSecond: s.framesPerSecond, frameHeight: s.frameHeight, framesDecoded: s.framesDecoded,
        framesDropped: s.framesDropped, freezeCount: s.freezeCount,
        concealedPct: s.totalSamplesReceived ? Math.min(100, (100 * (s.concealedSamples || 0)) / s.totalSamplesReceived)
          : undefined }));
    }
  });
  if (!pair) return null;
  const local = byId.get(pair.localCandidateId) || {};
  const remote = byId.get(pair.remoteCandidateId) || {};
  const relayed = local.candidateType === 'relay' || remote.candidateType === 'relay';
  const candidateType = relayed ? 'relay' : local.candidateType;
  const rttMs = pair.currentRoundTripTime !== undefined ? pair.currentRoundTripTime * 1000 : undefined;
  const now = Date.now();
  const previous = pc.televisitLastBytes;
  pc.televisitLastBytes = { bytes: bytesReceived, at: now };
  const bitrateKbps = previous && now > previous.at
    ? Math.round(((bytesReceived - previous.bytes) * 8) / (now - previous.at)) : 0;
  return {
    path: relayed ? 'relay' : 'direct', bitrateKbps,
    candidateType, rttMs, framesDecoded, audioPackets,
    report: clean({ measuredAt: new Date().toISOString(), rttMs, candidateType, protocol: local.protocol,
      streams: streams.slice(0, 8) }),
  };
}

function clean(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined && v !== null
    && !(typeof v === 'number' && Number.isNaN(v))).map(([k, v]) => [k,
    typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 100) / 100 : v]));
}
