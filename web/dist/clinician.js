import { SignalingClient } from '/sdk/signaling.js';
import { VisitCall } from '/sdk/call.js';
import { $, show, banner, fragment, wsUrl, api, renderStats } from '/ui.js';

// The clinician's user token comes from the hospital's sign-in; the reference page takes it from the fragment.
const token = fragment().get('token');
const state = { level: 'GOOD' };
// A stricter policy than the deployment's may be asked for (?policy=relay): never expose addresses to peers.
const FORCED_POLICY = new URLSearchParams(location.search).get('policy') === 'relay' ? 'relay' : undefined;
window.televisit = state;
const VISITS = '/api/calls/v1/visits';

async function list() {
  const today = new Date();
  today.setHours(0, 0, 0, 0);
  // Until midnight, and at least the next two hours (a late-evening clinic runs past midnight).
  const tomorrow = new Date(Math.max(today.getTime() + 86_400_000, Date.now() + 7_200_000));
  const page = await api('GET', `${VISITS}?limit=50&from=${today.toISOString()}&to=${tomorrow.toISOString()}`, token);
  const table = $('visit-list');
  table.innerHTML = '<tr><th>When</th><th>Status</th><th></th></tr>';
  for (const v of page.items) {
    const row = table.insertRow();
    row.insertCell().textContent = new Date(v.scheduledAt).toLocaleTimeString();
    row.insertCell().textContent = v.status;
    const start = document.createElement('button');
    start.textContent = 'Start';
    start.dataset.visit = v.id;
    start.onclick = () => open(v.id).catch((e) => banner(e.message, 'error'));
    const ring = document.createElement('button');
    ring.textContent = 'Ring patient';
    ring.onclick = () => api('POST', `${VISITS}/${v.id}/initiate`, token).then(list).catch((e) => banner(e.message, 'error'));
    row.insertCell().append(start, ring);
  }
}

const SAVED = 'televisit.clinician.session';

/** Opens a visit: joins, or after a reload resumes the saved session so the patient only sees "reconnecting". */
async function open(visitId, saved) {
  state.visitId = visitId;
  const accessToken = saved ? null : (await api('POST', `${VISITS}/${visitId}/access-token`, token)).accessToken;
  state.stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 1280, height: 720 } });
  const signaling = new SignalingClient({ url: wsUrl(), accessToken });
  signaling.addEventListener('frame', () => sessionStorage.setItem(SAVED,
    JSON.stringify({ visitId, ...signaling.snapshot() })));
  state.signaling = signaling;
  signaling.addEventListener('participant-joined', (e) => { if (!e.detail.admitted) waiting(e.detail); });
  signaling.addEventListener('participant-reconnecting', (e) => banner(`The ${e.detail.role.toLowerCase()} is reconnecting…`));
  signaling.addEventListener('participant-reconnected', () => banner(''));
  signaling.addEventListener('participant-left', (e) => {
    state.left = (state.left || 0) + 1;
    banner(`The ${e.detail.role.toLowerCase()} left.`);
  });
  signaling.addEventListener('reconnecting', () => banner('Reconnecting…'));
  signaling.addEventListener('resumed', () => banner(''));
  signaling.addEventListener('recording-started', () => show('recording'));
  signaling.addEventListener('recording-stopped', () => show('recording', false));
  signaling.addEventListener('quality-warning', (e) => { state.level = e.detail.level; });
  signaling.addEventListener('visit-ended', () => ended());
  const call = new VisitCall({ signaling, role: 'CLINICIAN', localStream: state.stream,
    iceTransportPolicy: FORCED_POLICY });
  state.call = call;
  call.addEventListener('remote-stream', (e) => { $('remote').srcObject = e.detail.stream; });
  call.addEventListener('ice-error', (e) => banner(`Media connection problem: ${e.detail.code} ${e.detail.text || ''}`, 'error'));
  call.addEventListener('stats', (e) => renderStats(e.detail.summary, state.level));
  $('local').srcObject = state.stream;
  const joined = saved ? await signaling.resume(saved) : await signaling.join();
  joined.participants.filter((p) => !p.admitted).forEach(waiting);
  call.start(joined);
  $('visit-id').textContent = visitId;
  show('visits', false);
  show('incall');
}

function waiting(participant) {
  const button = document.createElement('button');
  button.textContent = `Admit ${participant.role.toLowerCase()}`;
  button.id = `admit-${participant.participantId}`;
  button.onclick = async () => {
    await api('POST', `${VISITS}/${state.visitId}/participants/${participant.participantId}/admit`, token);
    button.remove();
  };
  $('waiting-room').append(button);
}

function ended() {
  sessionStorage.removeItem(SAVED);
  if (state.call) state.call.stop();
  show('incall', false);
  show('ended');
}

$('end').onclick = () => api('POST', `${VISITS}/${state.visitId}/end`, token).catch((e) => banner(e.message, 'error'));
$('mute').onclick = () => {
  state.muted = !state.muted;
  state.call.setMuted('audio', state.muted);
  $('mute').textContent = state.muted ? 'Unmute' : 'Mute';
};
$('camera').onclick = async () => {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720 } });
  await state.call.replaceTrack(stream.getVideoTracks()[0]);
};
$('screen').onclick = () => state.call.shareScreen().catch((e) => banner(e.message, 'error'));
const saved = JSON.parse(sessionStorage.getItem(SAVED) || 'null');
if (saved) {
  open(saved.visitId, saved).catch(() => { sessionStorage.removeItem(SAVED); location.reload(); });
} else {
  list().catch((e) => banner(e.message, 'error'));
}
