package io.televisit.signaling.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.televisit.events.CloudEvent;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.outbox.OutboxSettings;
import io.televisit.events.quality.QualitySampleReported;
import io.televisit.signaling.protocol.ClientMessage;
import io.televisit.signaling.protocol.ErrorCode;
import io.televisit.signaling.protocol.VisitIdentity;
import io.televisit.signaling.session.LocalSession;
import io.televisit.signaling.ws.Replies;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.inject.Singleton;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A client's {@code quality-report} (its getStats summary) becomes one {@code quality.sample-reported} event per
 * stream on the quality-samples topic, for quality-service. Samples are telemetry: sent directly, best effort, not
 * through the outbox; a report that breaks the contract is refused with an error frame, never half published.
 */
@Singleton
public class QualityReports {

    private static final int MAX_STREAMS = 8;
    private static final Set<String> LIMITATIONS = Set.of("NONE", "CPU", "BANDWIDTH", "OTHER");
    private static final Set<String> CANDIDATE_TYPES = Set.of("HOST", "SRFLX", "PRFLX", "RELAY");
    private static final Set<String> PROTOCOLS = Set.of("UDP", "TCP", "TLS");

    private final MutinyEmitter<String> samples;
    private final EventCodec codec;
    private final Replies replies;
    private final String source;

    public QualityReports(@Channel("quality-samples") MutinyEmitter<String> samples, EventCodec codec,
                          Replies replies, OutboxSettings events) {
        this.samples = samples;
        this.codec = codec;
        this.replies = replies;
        this.source = events.source();
    }

    public Uni<Void> report(WebSocketConnection connection, LocalSession me, ClientMessage message) {
        List<QualitySampleReported> parsed;
        try {
            parsed = parse(me.identity(), message.payload());
        } catch (IllegalArgumentException e) {
            return replies.error(connection, message.requestId(), ErrorCode.INVALID_PAYLOAD, e.getMessage());
        }
        Uni<Void> all = Uni.createFrom().voidItem();
        for (QualitySampleReported sample : parsed) {
            CloudEvent event = codec.create(EventType.QUALITY_SAMPLE_REPORTED, sample.visitId().toString(), sample,
                    source);
            RecordHeaders headers = new RecordHeaders();
            headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            Message<String> record = Message.of(codec.encode(event)).addMetadata(OutgoingKafkaRecordMetadata
                    .<String>builder().withKey(event.subject()).withHeaders(headers).build());
            all = all.chain(() -> samples.sendMessage(record));
        }
        return all.onFailure().recoverWithUni(() -> replies.error(connection, message.requestId(), ErrorCode.INTERNAL,
                "The quality report could not be forwarded; send the next one as usual."));
    }

    static List<QualitySampleReported> parse(VisitIdentity who, JsonNode payload) {
        if (payload == null || !payload.isObject() || !payload.path("streams").isArray()
                || payload.get("streams").isEmpty() || payload.get("streams").size() > MAX_STREAMS) {
            throw new IllegalArgumentException("quality-report needs payload.streams: 1 to " + MAX_STREAMS + " entries.");
        }
        Instant measuredAt = instant(payload.get("measuredAt"));
        Double rtt = number(payload, "rttMs", 0, 60_000);
        String candidateType = choice(payload, "candidateType", CANDIDATE_TYPES);
        String protocol = choice(payload, "protocol", PROTOCOLS);
        List<QualitySampleReported> samples = new ArrayList<>();
        for (JsonNode stream : payload.get("streams")) {
            String direction = choice(stream, "direction", Set.of("INBOUND", "OUTBOUND"));
            String kind = choice(stream, "kind", Set.of("AUDIO", "VIDEO"));
            if (direction == null || kind == null) {
                throw new IllegalArgumentException("every stream needs direction (inbound|outbound) and kind (audio|video).");
            }
            samples.add(new QualitySampleReported(UUID.randomUUID(), who.visit().value(), who.participant().value(),
                    who.role(), measuredAt, direction, kind, number(stream, "packetLossPct", 0, 100),
                    number(stream, "jitterMs", 0, 60_000), rtt, number(stream, "bitrateKbps", 0, 1_000_000),
                    number(stream, "framesPerSecond", 0, 1000), integer(stream, "frameHeight"),
                    count(stream, "framesDecoded"), count(stream, "framesDropped"), count(stream, "freezeCount"),
                    number(stream, "concealedPct", 0, 100), choice(stream, "qualityLimitationReason", LIMITATIONS),
                    candidateType, protocol));
        }
        return samples;
    }

    private static Instant instant(JsonNode value) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (value == null || value.isNull()) {
            return now;
        }
        try {
            Instant at = Instant.parse(value.asText());
            // A client clock far off is not trusted: the sample is dated when it arrived.
            return at.isAfter(now.plusSeconds(60)) || at.isBefore(now.minusSeconds(300)) ? now : at;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("measuredAt must be an ISO-8601 instant.");
        }
    }

    private static Double number(JsonNode node, String field, double min, double max) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber() || value.asDouble() < min || value.asDouble() > max) {
            throw new IllegalArgumentException(field + " must be a number from " + min + " to " + max + ".");
        }
        return value.asDouble();
    }

    private static Integer integer(JsonNode node, String field) {
        Long value = count(node, field);
        if (value != null && value > 100_000) {
            throw new IllegalArgumentException(field + " is out of range.");
        }
        return value == null ? null : value.intValue();
    }

    private static Long count(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
            throw new IllegalArgumentException(field + " must be a whole number, 0 or more.");
        }
        return value.asLong();
    }

    private static String choice(JsonNode node, String field, Set<String> allowed) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String upper = value.asText().toUpperCase(Locale.ROOT);
        if (!value.isTextual() || !allowed.contains(upper)) {
            throw new IllegalArgumentException(field + " must be one of " + allowed + " (any case).");
        }
        return upper;
    }
}
