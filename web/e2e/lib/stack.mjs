// The running test stack (stack/test.sh starts it): gateway origin, dev tokens, REST helpers.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const origin = `http://127.0.0.1:${process.env.TELEVISIT_GATEWAY_PORT || 28080}`;

export function userToken(role, sub) {
  return execFileSync(path.join(repo, 'stack/token.sh'), [role, '--sub', sub, '--profile', process.env.TELEVISIT_PROFILE || 'test'], { encoding: 'utf8' }).trim();
}

export async function api(method, urlPath, token, body) {
  const response = await fetch(origin + urlPath, { method, headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}),
    ...(body ? { 'Content-Type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${urlPath}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** A visit scheduled by a clinician for now, with a one-time link for its patient. */
export async function scheduleVisit(clinicianToken) {
  const visit = await api('POST', '/api/calls/v1/visits', clinicianToken, { type: 'VIDEO',
    scheduledAt: new Date(Date.now() + 60_000).toISOString(), participants: [{ role: 'PATIENT' }] });
  const patient = visit.participants.find((p) => p.role === 'PATIENT');
  const link = await api('POST', `/api/calls/v1/visits/${visit.id}/join-links`, clinicianToken,
    { participantId: patient.id });
  return { visitId: visit.id, patientId: patient.id, linkToken: link.token };
}
