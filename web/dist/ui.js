// Small DOM helpers shared by the pages.
export const $ = (id) => document.getElementById(id);
export function show(id, visible = true) { $(id).classList.toggle('hidden', !visible); }
export function banner(text, kind = '') {
  const el = $('banner');
  el.textContent = text || '';
  el.className = `banner ${kind}${text ? '' : ' hidden'}`;
}
export function fragment() { return new URLSearchParams(location.hash.slice(1)); }
export function wsUrl() { return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`; }
export async function api(method, path, token, body) {
  const response = await fetch(path, { method, headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}),
    ...(body ? { 'Content-Type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const json = response.headers.get('content-type')?.includes('json') ? await response.json() : null;
  if (!response.ok) throw new Error((json && (json.detail || json.title)) || `HTTP ${response.status}`);
  return json;
}
/** The connection panel: RTT, loss, path, quality level. */
export function renderStats(summary, level) {
  const inbound = summary.report.streams.filter((s) => s.direction === 'inbound');
  const loss = inbound.length ? Math.max(...inbound.map((s) => s.packetLossPct || 0)) : 0;
  $('stats').textContent = `RTT ${summary.rttMs === undefined ? '–' : Math.round(summary.rttMs)} ms · loss `
    + `${loss.toFixed(1)} % · ${summary.bitrateKbps} kbps in · path ${summary.path} (${summary.candidateType})`
    + ` · quality ${level}`;
}
