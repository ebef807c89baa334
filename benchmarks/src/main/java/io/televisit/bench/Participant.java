package io.televisit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One signaling connection of the load test (protocol v1, docs/signaling-protocol.md): the clinician or the patient of a
 * visit, whose only peer is the other one. Frames arrive on a Vert.x event loop; sends may come from any thread.
 * Frames of types it does not know (participant-joined, waiting, pong, future ones) are ignored.
 *
 * <p>Like a real client it pings every {@link #HEARTBEAT_MILLIS}, acknowledges what it received at most
 * {@link #ACK_MILLIS} after it arrived (the server keeps unacknowledged frames for a resume), and it starts a new negotiation
 * (an offer, answered by the peer) before sending more candidates than a server allows per offer or answer.
 */
final class Participant {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TYPE_KEY = "\"type\":\"";
    private static final String PAYLOAD_KEY = "\"payload\":";
    private static final String SEQ_KEY = "\"seq\":";
    private static final String JOIN = "{\"type\":\"join\",\"requestId\":\"j1\"}";
    static final long HEARTBEAT_MILLIS = 15_000;
    /** Acknowledgements are batched: one {@code ack} at most this long after the first unacknowledged frame. */
    static final long ACK_MILLIS = 1_000;
    /** Below the server's limit per negotiation (televisit.signaling.limits.max-candidates-per-negotiation, 100). */
    static final int CANDIDATES_PER_NEGOTIATION = 90;

    final String visitId;
    final String id;
    final String role;
    final String token;
    Participant peer;

    private final LoadRun run;
    private volatile WebSocket socket;
    private volatile Vertx vertx;
    private final AtomicBoolean ackPending = new AtomicBoolean();
    private volatile long lastSeq;
    private final AtomicInteger candidatesSinceNegotiation = new AtomicInteger();
    /** relays this participant sent that its peer has not received yet (ICE candidates only). */
    final AtomicInteger inFlight = new AtomicInteger();
    final CompletableFuture<Void> joined = new CompletableFuture<>();
    final CompletableFuture<Void> admitted = new CompletableFuture<>();
    /** clinician: the answer arrived; patient: the offer arrived and the answer went out. */
    final CompletableFuture<Void> negotiated = new CompletableFuture<>();
    final CompletableFuture<Short> closedFuture = new CompletableFuture<>();
    /** payload.admission of joined (WAITING, ADMITTED), null when the server has no waiting room. */
    volatile String admission;
    private volatile long joinSentAt;
    private volatile long offerSentAt;
    volatile long admissionSentAt;
    volatile boolean failed;

    Participant(LoadRun run, String visitId, String id, String role, String token) {
        this.run = run;
        this.visitId = visitId;
        this.id = id;
        this.role = role;
        this.token = token;
    }

    /** Opens the socket and starts the heartbeat; completes with the upgrade. */
    Future<WebSocket> connect(Vertx vertx, WebSocketClient client, String host, int port, String path) {
        // No Origin header, as a native app (Vert.x would add one, which the server checks against its allow-list).
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(host).setPort(port).setURI(path)
                .setSubProtocols(List.of("televisit.v1", "access_token." + token)).setAllowOriginHeader(false)
                .setTimeout(30_000);
        this.vertx = vertx;
        return client.connect(options).onSuccess(ws -> {
            socket = ws;
            ws.textMessageHandler(this::onText);
            ws.exceptionHandler(e -> run.problem("socket error: " + e.getMessage()));
            long heartbeat = vertx.setPeriodic(ThreadLocalRandom.current().nextLong(1, HEARTBEAT_MILLIS),
                    HEARTBEAT_MILLIS, id -> ping());
            ws.closeHandler(v -> {
                vertx.cancelTimer(heartbeat);
                onClose(ws.closeStatusCode());
            });
        });
    }

    void join() {
        joinSentAt = System.nanoTime();
        send(JOIN);
    }

    /** An offer to the peer (the clinician's first, or a renegotiation); the peer answers when it arrives. */
    void offer() {
        offerSentAt = System.nanoTime();
        candidatesSinceNegotiation.set(0);
        send("{\"type\":\"offer\",\"to\":\"" + peer.id + "\",\"payload\":{\"type\":\"offer\",\"sdp\":\""
                + Sdp.OFFER + "\"}}");
    }

    /** One ICE candidate to the peer, with the send time for the receiver to compute the relay latency. */
    void candidate(int n) {
        if (candidatesSinceNegotiation.incrementAndGet() > CANDIDATES_PER_NEGOTIATION) {
            offer();
            candidatesSinceNegotiation.incrementAndGet();
        }
        inFlight.incrementAndGet();
        int port = 50_000 + ThreadLocalRandom.current().nextInt(15_000);
        send("{\"type\":\"ice-candidate\",\"to\":\"" + peer.id + "\",\"payload\":{\"candidate\":\"candidate:"
                + (842163049L + n) + " 1 udp 1677729535 203.0.113." + (n & 127) + " " + port
                + " typ srflx raddr 192.168.1.23 rport " + port + " generation 0 ufrag EsAw network-cost 999"
                + "\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"t\":" + System.nanoTime() + "}}");
    }

    private void ping() {
        run.pings.increment();
        send("{\"type\":\"ping\",\"payload\":{\"lastSeq\":" + lastSeq + "}}");
    }

    void leave() {
        send("{\"type\":\"leave\"}");
    }

    private void send(String text) {
        WebSocket ws = socket;
        if (ws != null && !ws.isClosed()) {
            ws.writeTextMessage(text);
        }
    }

    private void onText(String text) {
        long now = System.nanoTime();
        String type = typeOf(text);
        long seq = seqOf(text);
        if (seq > lastSeq) {
            lastSeq = seq;
            if (ackPending.compareAndSet(false, true)) {
                vertx.setTimer(ACK_MILLIS, timer -> {
                    ackPending.set(false);
                    send("{\"type\":\"ack\",\"payload\":{\"seq\":" + lastSeq + "}}");
                });
            }
        }
        switch (type) {
            case "ice-candidate" -> {
                peer.inFlight.decrementAndGet();
                run.relayed(now - sentAt(text));
            }
            case "offer" -> {
                run.relayed(-1);
                candidatesSinceNegotiation.set(0);
                send("{\"type\":\"answer\",\"to\":\"" + peer.id + "\",\"payload\":{\"type\":\"answer\",\"sdp\":\""
                        + Sdp.ANSWER + "\"}}");
                negotiated.complete(null);
            }
            case "answer" -> {
                run.relayed(-1);
                if (!negotiated.isDone()) {
                    run.offerAnswer.add(now - offerSentAt);
                }
                negotiated.complete(null);
            }
            case "joined" -> {
                run.join.add(now - joinSentAt);
                JsonNode admissionField = parse(text).path("payload").path("admission");
                admission = admissionField.isTextual() ? admissionField.asText() : null;
                joined.complete(null);
            }
            case "admitted" -> {
                if (admissionSentAt != 0) {
                    run.admission.add(now - admissionSentAt);
                }
                admitted.complete(null);
            }
            case "error" -> {
                JsonNode frame = parse(text);
                String code = frame.path("payload").path("code").asText("?");
                run.error(code);
                if ("j1".equals(frame.path("requestId").asText(null))) {
                    joined.completeExceptionally(new IllegalStateException("join refused: " + code));
                }
            }
            default -> {
                // participant-joined, waiting, pong, and whatever a newer server sends: not needed here.
            }
        }
    }

    private void onClose(Short code) {
        run.closed(this, code);
        IllegalStateException closed = new IllegalStateException("closed by the server with " + code);
        joined.completeExceptionally(closed);
        admitted.completeExceptionally(closed);
        negotiated.completeExceptionally(closed);
        closedFuture.complete(code);
    }

    /**
     * The envelope's type without parsing the frame: servers write the envelope fields (seq, type, requestId, from)
     * before the payload, so the first "type" ahead of "payload" is the envelope's. Anything else is parsed properly.
     */
    private static String typeOf(String text) {
        int at = text.indexOf(TYPE_KEY);
        int payload = text.indexOf(PAYLOAD_KEY);
        if (at > 0 && (payload < 0 || at < payload)) {
            int start = at + TYPE_KEY.length();
            int end = text.indexOf('"', start);
            if (end > 0) {
                return text.substring(start, end);
            }
        }
        return parse(text).path("type").asText("");
    }

    /** The envelope's seq (before the payload), or -1. */
    private static long seqOf(String text) {
        int at = text.indexOf(SEQ_KEY);
        int payload = text.indexOf(PAYLOAD_KEY);
        if (at < 0 || (payload >= 0 && at > payload)) {
            return -1;
        }
        int start = at + SEQ_KEY.length();
        int end = start;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end > start ? Long.parseLong(text, start, end, 10) : -1;
    }

    /** The "t" we put last in the candidate payload; the server relays the payload unchanged. */
    private static long sentAt(String text) {
        int start = text.lastIndexOf("\"t\":") + 4;
        int end = start;
        while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '-')) {
            end++;
        }
        return Long.parseLong(text, start, end, 10);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    /** Plausible SDP of an audio+video call (~2 KB), JSON-escaped. */
    static final class Sdp {
        static final String OFFER = sdp("actpass");
        static final String ANSWER = sdp("active");

        private static String sdp(String setup) {
            StringBuilder sdp = new StringBuilder("v=0\\r\\no=- 4611731400430051336 2 IN IP4 127.0.0.1\\r\\ns=-\\r\\n"
                    + "t=0 0\\r\\na=group:BUNDLE 0 1\\r\\na=msid-semantic: WMS stream\\r\\n");
            for (String media : new String[]{"audio 9 UDP/TLS/RTP/SAVPF 111 63 103", "video 9 UDP/TLS/RTP/SAVPF 96 97 98 99"}) {
                sdp.append("m=").append(media).append("\\r\\nc=IN IP4 0.0.0.0\\r\\na=rtcp:9 IN IP4 0.0.0.0\\r\\n")
                        .append("a=ice-ufrag:EsAw\\r\\na=ice-pwd:P2uYro0UCOQ4zxjKXaWCBui1\\r\\na=ice-options:trickle\\r\\n")
                        .append("a=fingerprint:sha-256 D2:FA:0E:C3:22:59:5E:14:95:69:92:3D:13:B4:84:24:2C:C2:A2:C0:3E:")
                        .append("FD:34:8E:5E:EA:6F:AF:52:CE:E6:0F\\r\\na=setup:").append(setup).append("\\r\\n")
                        .append("a=sendrecv\\r\\na=rtcp-mux\\r\\na=rtcp-rsize\\r\\n");
                for (int pt = 96; pt < 106; pt++) {
                    sdp.append("a=rtpmap:").append(pt).append(" VP8/90000\\r\\na=rtcp-fb:").append(pt)
                            .append(" nack pli\\r\\na=fmtp:").append(pt).append(" apt=").append(pt - 1).append("\\r\\n");
                }
            }
            return sdp.toString();
        }
    }
}
