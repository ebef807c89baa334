import { SignalingClient } from '/sdk/signaling.js';
import { VisitCall } from '/sdk/call.js';
import { echoTest, connectivity, bandwidth } from '/sdk/precall.js';
import { $, show, banner, fragment, wsUrl, api, renderStats } from '/ui.js';

const state = { level: 'GOOD' };
// A stricter policy than the deployment's may be asked for (?policy=relay): never expose addresses to peers.
const FORCED_POLICY = new URLSearchParams(location.search).get('policy') === 'relay' ? 'relay' : undefined;
window.televisit = state;

function supported() {
  return 'RTCPeerConnection' in window && navigator.mediaDevices && 'getUserMedia' in navigator.mediaDevices
    && 'WebSocket' in window;
}

async function precall() {
  if (!supported()) { show('precall', false); show('unsupported'); return; }
  state.stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 1280, height: 720 } });
  $('preview').srcObject = state.stream;
  const devices = await navigator.mediaDevices.enumerateDevices();
  for (const d of devices) {
    const select = d.kind === 'videoinput' ? $('camera') : d.kind === 'audioinput' ? $('microphone')
      : d.kind === 'audiooutput' ? $('speaker') : null;
    if (select) select.add(new Option(d.label || d.kind, d.deviceId));
  }
  meter(state.stream);
  $('camera').onchange = () => switchDevice('video', $('camera').value);
  $('microphone').onchange = () => switchDevice('audio', $('microphone').value);
  $('speaker').onchange = () => $('remote').setSinkId?.($('speaker').value);
}

async function switchDevice(kind, deviceId) {
  const fresh = await navigator.mediaDevices.getUserMedia({ [kind]: { deviceId: { exact: deviceId } } });
  const track = fresh.getTracks()[0];
  if (state.call) {
    await state.call.replaceTrack(track);
  } else {
    const old = state.stream.getTracks().find((t) => t.kind === kind);
    state.stream.removeTrack(old);
    old.stop();
    state.stream.addTrack(track);
  }
}

/** Runs in the waiting room, once the visit's ICE servers are known. */
async function checkConnection(ice) {
  const found = await connectivity(ice);
  state.connectivity = found;
  const types = ['host', 'srflx', 'relay'].filter((t) => found[t]);
  $('connectivity').textContent = found.relay ? `ok (${types.join(', ')})`
    : `the media relay could not be reached${found.errors.length ? ` (${found.errors.join('; ')})` : ''}; `
      + 'the visit may not connect on restrictive networks';
  const kbps = await bandwidth(ice, state.stream);
  state.bandwidthKbps = kbps;
  $('bandwidth').textContent = kbps ? `about ${kbps} kbps` : 'unknown';
}

function meter(stream) {
  const audio = new AudioContext();
  const analyser = audio.createAnalyser();
  audio.createMediaStreamSource(stream).connect(analyser);
  const data = new Uint8Array(analyser.fftSize);
  setInterval(() => {
    analyser.getByteTimeDomainData(data);
    let peak = 0;
    for (const v of data) peak = Math.max(peak, Math.abs(v - 128) / 128);
    $('level').value = peak;
  }, 200);
}

async function join() {
  if (!$('consent').checked) { banner('Please agree to the video visit first.', 'error'); return; }
  banner('');
  const redeemed = await api('POST', '/api/calls/v1/join-links/redeem', null,
    { token: fragment().get('link'), consents: ['VIDEO_VISIT'] });
  history.replaceState(null, '', location.pathname); // the link is single-use: keep it out of history
  const signaling = new SignalingClient({ url: wsUrl(), accessToken: redeemed.accessToken });
  state.signaling = signaling;
  signaling.addEventListener('waiting', () => { show('incall', false); show('waiting'); });
  signaling.addEventListener('admitted', () => { show('waiting', false); show('incall'); });
  signaling.addEventListener('reconnecting', () => banner('Reconnecting…'));
  signaling.addEventListener('resumed', () => banner(''));
  signaling.addEventListener('participant-reconnecting', (e) => {
    if (e.detail.role === 'CLINICIAN') banner('The clinician is reconnecting…');
  });
  signaling.addEventListener('participant-reconnected', () => banner(''));
  signaling.addEventListener('participant-left', () => { state.left = (state.left || 0) + 1; });
  signaling.addEventListener('visit-ended', () => end('The visit has ended.'));
  signaling.addEventListener('closed', (e) => { if (e.detail.code !== 1000) end('The connection to the visit was lost.'); });
  signaling.addEventListener('quality-warning', (e) => {
    state.level = e.detail.level;
    if (e.detail.level !== 'CLEARED') banner(`Connection quality: ${e.detail.level.toLowerCase()} (${e.detail.code})`);
  });
  const call = new VisitCall({ signaling, role: 'PATIENT', localStream: state.stream,
    iceTransportPolicy: FORCED_POLICY });
  state.call = call;
  call.addEventListener('remote-stream', (e) => { $('remote').srcObject = e.detail.stream; });
  call.addEventListener('ice-error', (e) => banner(`Media connection problem: ${e.detail.code} ${e.detail.text || ''}`,
    'error'));
  call.addEventListener('stats', (e) => renderStats(e.detail.summary, state.level));
  $('local').srcObject = state.stream;
  const joined = await signaling.join();
  show('precall', false);
  show(joined.admission === 'ADMITTED' ? 'incall' : 'waiting');
  call.start(joined);
  checkConnection(joined.ice).catch((e) => { $('connectivity').textContent = `check failed: ${e.message}`; });
}

function end(text) {
  if (state.call) state.call.stop();
  ['precall', 'waiting', 'incall'].forEach((id) => show(id, false));
  $('ended-text').textContent = text;
  show('ended');
  banner('');
}

$('join').onclick = () => join().catch((e) => banner(e.message, 'error'));
$('echo').onclick = async () => {
  $('echo').disabled = true;
  $('echo').textContent = 'Speak now…';
  const url = await echoTest(state.stream);
  state.echoRecorded = true;
  $('echo-playback').src = url;
  show('echo-playback');
  $('echo-playback').play().catch(() => {});
  $('echo').textContent = 'Test again';
  $('echo').disabled = false;
};
$('leave').onclick = () => { state.signaling.leave(); end('You left the visit.'); };
precall().catch((e) => banner(`Camera or microphone unavailable: ${e.message}`, 'error'));
