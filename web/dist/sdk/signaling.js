// Televisit signaling client (protocol v1, docs/signaling-protocol.md): one session over reconnecting WebSockets.
// Events (CustomEvent, detail = the frame's payload plus `from` where relevant):
//   joined, resumed, reconnecting, closed, error-frame, and one event per server frame type ("offer", "admitted", …).

const TERMINAL_CLOSES = new Set([1000, 4001, 4002, 4003]);

export class SignalingClient extends EventTarget {
  /**
   * @param {object} options
   * @param {string} options.url          ws(s)://<origin>/ws
   * @param {string} options.accessToken  the visit access token from call-service
   * @param {string} [options.regionHint] preferred TURN region
   * @param {number} [options.initialBackoffMs] first reconnect delay (doubles up to maxBackoffMs)
   */
  constructor({ url, accessToken, regionHint, initialBackoffMs = 300, maxBackoffMs = 8000 }) {
    super();
    this.url = url;
    this.accessToken = accessToken;
    this.regionHint = regionHint;
    this.initialBackoffMs = initialBackoffMs;
    this.maxBackoffMs = maxBackoffMs;
    this.lastSeq = 0;
    this.resumeToken = null;
    this.state = 'new';
    this.requests = 0;
    this.ws = null;
    this.graceSeconds = 60;
  }

  /** Opens the session; resolves with the `joined` payload. */
  join() {
    return new Promise((resolve, reject) => {
      const onJoined = (e) => { cleanup(); resolve(e.detail); };
      const onClosed = (e) => { cleanup(); reject(new Error(`signaling closed before joined (${e.detail.code})`)); };
      const cleanup = () => {
        this.removeEventListener('joined', onJoined);
        this.removeEventListener('closed', onClosed);
      };
      this.addEventListener('joined', onJoined);
      this.addEventListener('closed', onClosed);
      this.#open(['televisit.v1', `access_token.${this.accessToken}`], () =>
        this.#write({ type: 'join', requestId: this.#requestId(), payload: this.#hint() }));
    });
  }

  /**
   * Brings back a session after the page was reloaded, from what {@link snapshot} saved; resolves with the `resumed`
   * payload, rejects if the session is gone (then join again).
   */
  resume({ resumeToken, lastSeq }) {
    this.resumeToken = resumeToken;
    this.lastSeq = lastSeq;
    return new Promise((resolve, reject) => {
      const onResumed = (e) => { cleanup(); resolve(e.detail); };
      const onClosed = (e) => { cleanup(); reject(new Error(`session could not be resumed (${e.detail.code})`)); };
      const cleanup = () => {
        this.removeEventListener('resumed', onResumed);
        this.removeEventListener('closed', onClosed);
      };
      this.addEventListener('resumed', onResumed);
      this.addEventListener('closed', onClosed);
      this.state = 'resuming';
      this.#open(['televisit.v1', `resume_token.${resumeToken}`], () =>
        this.#write({ type: 'resume', requestId: this.#requestId(), payload: { lastSeq, ...this.#hint() } }));
    });
  }

  /** What a page keeps (e.g. in sessionStorage) to resume after a reload; updated on every numbered frame. */
  snapshot() {
    return { resumeToken: this.resumeToken, lastSeq: this.lastSeq };
  }

  /** Sends a client frame; `to` for relayed types. */
  send(type, payload, to) {
    const frame = { type };
    if (to) frame.to = to;
    if (payload !== undefined) frame.payload = payload;
    return this.#write(frame);
  }

  leave() {
    this.state = 'left';
    this.#write({ type: 'leave' });
  }

  /** Drops the socket as a network failure would (tests and "network changed" handling); the client resumes. */
  dropConnection() {
    if (this.ws) this.ws.close(4999, 'client drop');
  }

  #hint() {
    return this.regionHint ? { regionHint: this.regionHint } : {};
  }

  #requestId() {
    this.requests += 1;
    return `r${this.requests}`;
  }

  #write(frame) {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return false;
    this.ws.send(JSON.stringify(frame));
    return true;
  }

  #open(protocols, onOpen) {
    const ws = new WebSocket(this.url, protocols);
    this.ws = ws;
    ws.onopen = () => onOpen();
    ws.onmessage = (m) => this.#receive(m.data);
    ws.onclose = (c) => this.#closed(ws, c.code, c.reason);
  }

  #receive(text) {
    const frame = JSON.parse(text);
    if (typeof frame.seq === 'number') {
      if (frame.seq <= this.lastSeq) return; // already seen (a replay after resume counts each frame once)
      this.lastSeq = frame.seq;
      this.#scheduleAck();
      this.dispatchEvent(new CustomEvent('frame', { detail: { seq: frame.seq, type: frame.type } }));
    }
    const detail = { ...(frame.payload || {}), from: frame.from, requestId: frame.requestId };
    if (frame.type === 'joined') {
      this.resumeToken = frame.payload.resumeToken;
      this.state = 'connected';
      this.#startHeartbeat(frame.payload.timing);
    } else if (frame.type === 'resumed') {
      this.state = 'connected';
      this.backoff = 0;
      this.#startHeartbeat(frame.payload.timing);
    } else if (frame.type === 'error') {
      this.dispatchEvent(new CustomEvent('error-frame', { detail }));
      return;
    }
    this.dispatchEvent(new CustomEvent(frame.type, { detail }));
  }

  #scheduleAck() {
    if (this.ackTimer) return;
    // Acknowledge at most every 500 ms: the server keeps frames until then.
    this.ackTimer = setTimeout(() => {
      this.ackTimer = null;
      this.#write({ type: 'ack', payload: { seq: this.lastSeq } });
    }, 500);
  }

  #startHeartbeat(timing) {
    clearInterval(this.heartbeat);
    this.graceSeconds = (timing && timing.graceSeconds) || 60;
    const seconds = (timing && timing.heartbeatSeconds) || 15;
    this.heartbeat = setInterval(() => this.#write({ type: 'ping', payload: { lastSeq: this.lastSeq } }), seconds * 1000);
  }

  #closed(ws, code, reason) {
    if (ws !== this.ws) return;
    clearInterval(this.heartbeat);
    // A refused resume after a reload (no session any more) ends here; a drop of a live session is resumed.
    const resumable = this.resumeToken && !['left', 'resuming'].includes(this.state) && !TERMINAL_CLOSES.has(code);
    if (!resumable) {
      this.state = 'closed';
      this.dispatchEvent(new CustomEvent('closed', { detail: { code, reason } }));
      return;
    }
    if (this.state !== 'reconnecting') {
      this.state = 'reconnecting';
      this.droppedAt = Date.now();
      this.dispatchEvent(new CustomEvent('reconnecting', { detail: { code, reason } }));
    }
    if (Date.now() - this.droppedAt > this.graceSeconds * 1000) {
      // The server has ended the session by now: resuming cannot succeed.
      this.state = 'closed';
      this.dispatchEvent(new CustomEvent('closed', { detail: { code: 4003, reason: 'grace expired' } }));
      return;
    }
    this.#resumeLater();
  }

  #resumeLater() {
    this.backoff = this.backoff ? Math.min(this.backoff * 2, this.maxBackoffMs) : this.initialBackoffMs;
    const delay = this.backoff * (0.75 + Math.random() * 0.5);
    setTimeout(() => this.#open(['televisit.v1', `resume_token.${this.resumeToken}`], () =>
      this.#write({ type: 'resume', requestId: this.#requestId(), payload: { lastSeq: this.lastSeq, ...this.#hint() } })),
    delay);
  }
}
