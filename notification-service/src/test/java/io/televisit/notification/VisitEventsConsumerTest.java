package io.televisit.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.televisit.events.EventCodec;
import io.televisit.events.EventType;
import io.televisit.events.Topic;
import io.televisit.events.visit.VisitCancelled;
import io.televisit.events.visit.VisitRescheduled;
import io.televisit.events.visit.VisitScheduled;
import io.televisit.testing.Eventually;
import io.televisit.testing.KafkaProbe;
import io.televisit.testing.KafkaSender;
import io.televisit.testing.TestTokens;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reminder consumer on the real broker: order per visit, duplicates absorbed, poison dead-lettered. */
@QuarkusTest
class VisitEventsConsumerTest {

    private static final Instant AT = Instant.parse("2030-03-01T10:00:00Z");

    @Inject
    EventCodec codec;

    private final String admin = TestTokens.admin(TestTokens.newSubject());

    @Test
    void eventsOfAVisitApplyInOrderAndDuplicatesOnce() {
        UUID visit = UUID.randomUUID();
        String scheduled = event(EventType.VISIT_SCHEDULED, visit, new VisitScheduled(visit, "VIDEO", AT, null));
        String moved = event(EventType.VISIT_RESCHEDULED, visit,
                new VisitRescheduled(visit, AT, AT.plus(Duration.ofHours(2))));
        try (KafkaSender kafka = new KafkaSender()) {
            kafka.send(Topic.VISITS.topicName(), visit.toString(), scheduled);
            kafka.send(Topic.VISITS.topicName(), visit.toString(), moved);
            kafka.send(Topic.VISITS.topicName(), visit.toString(), moved);
            kafka.send(Topic.VISITS.topicName(), visit.toString(), scheduled);
        }
        eventually(visit, response -> response.statusCode(200)
                .body("visitAt", equalTo(AT.plus(Duration.ofHours(2)).toString()))
                .body("remindAt", equalTo(AT.plus(Duration.ofHours(2)).minus(Duration.ofMinutes(15)).toString()))
                .body("status", equalTo("PENDING")));
        // Let the duplicates pass through, then check they changed nothing.
        try (KafkaSender kafka = new KafkaSender()) {
            kafka.send(Topic.VISITS.topicName(), visit.toString(),
                    event(EventType.VISIT_CANCELLED, visit, new VisitCancelled(visit, "CLINICIAN_UNAVAILABLE")));
        }
        eventually(visit, response -> response.statusCode(200).body("status", equalTo("CANCELLED"))
                .body("appliedEvents", equalTo(3)));
    }

    @Test
    void poisonRecordsGoToTheDeadLetterTopicAndTheStreamGoesOn() {
        UUID visit = UUID.randomUUID();
        String key = "poison-" + visit;
        try (KafkaProbe deadLetters = new KafkaProbe(Topic.DEAD_LETTER.topicName());
             KafkaSender kafka = new KafkaSender()) {
            kafka.send(Topic.VISITS.topicName(), key, "{not json");
            kafka.send(Topic.VISITS.topicName(), key,
                    event(EventType.VISIT_CANCELLED, visit, new VisitCancelled(visit, "X")).replace("\"X\"", "\"x y\""));
            kafka.send(Topic.VISITS.topicName(), visit.toString(),
                    event(EventType.VISIT_SCHEDULED, visit, new VisitScheduled(visit, "AUDIO", AT, null)));

            List<ConsumerRecord<String, String>> dead = deadLetters.await(r -> key.equals(r.key()), 2,
                    Duration.ofSeconds(20));
            assertEquals(2, dead.size());
            assertTrue(dead.stream().allMatch(r -> r.headers().lastHeader("dead-letter-reason") != null));
            eventually(visit, response -> response.statusCode(200).body("status", equalTo("PENDING")));
        }
    }

    @Test
    void reminderViewIsForAdminsOnly() {
        UUID visit = UUID.randomUUID();
        given().auth().oauth2(TestTokens.clinician(TestTokens.newSubject()))
                .get("/api/notifications/v1/visits/" + visit + "/reminder").then().statusCode(403);
        given().auth().oauth2(admin).get("/api/notifications/v1/visits/" + visit + "/reminder")
                .then().statusCode(404).body("code", equalTo("REMINDER_NOT_FOUND"));
    }

    private String event(EventType type, UUID visit, Object data) {
        return codec.encode(codec.create(type, visit.toString(), data, "call-service"));
    }

    private void eventually(UUID visit, Consumer<ValidatableResponse> check) {
        Eventually.within(Duration.ofSeconds(20), () -> check.accept(given().auth().oauth2(admin)
                .get("/api/notifications/v1/visits/" + visit + "/reminder").then()));
    }
}
