package io.televisit.system;

import io.restassured.http.ContentType;
import io.televisit.events.Topic;
import io.televisit.testing.Eventually;
import io.televisit.testing.KafkaSender;
import io.televisit.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An event committed in call-service reaches notification-service exactly once and in order per visit, across real
 * processes, a real broker and two databases; refused changes publish nothing; a redelivered event applies once.
 */
class OutboxRoundTripIT {

    private static final String CALLS = "http://127.0.0.1:" + RunningSuite.GATEWAY_PORT + "/api/calls/v1/visits";
    private static final String REMINDERS = "http://127.0.0.1:" + RunningSuite.GATEWAY_PORT
            + "/api/notifications/v1/visits/";
    private static final int RESCHEDULES = 5;

    @BeforeAll
    static void suite() {
        RunningSuite.ensureStarted();
    }

    @Test
    void visitEventsReachTheReminderConsumerOnceAndInOrder() {
        String clinician = TestTokens.clinician(TestTokens.newSubject());
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String visit = given().auth().oauth2(clinician).contentType(ContentType.JSON)
                .body("{\"type\":\"VIDEO\",\"scheduledAt\":\"" + start + "\",\"participants\":[{\"role\":\"PATIENT\"}]}")
                .post(CALLS).then().statusCode(201).extract().path("id");
        Instant last = start;
        for (int i = 1; i <= RESCHEDULES; i++) {
            last = start.plus(Duration.ofMinutes(10L * i));
            given().auth().oauth2(clinician).contentType(ContentType.JSON).body("{\"scheduledAt\":\"" + last + "\"}")
                    .put(CALLS + "/" + visit + "/schedule").then().statusCode(200);
        }
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body("{\"reasonCode\":\"PATIENT_REQUEST\"}")
                .post(CALLS + "/" + visit + "/cancel").then().statusCode(200);
        // Refused (already cancelled): nothing is written, nothing published.
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body("{\"scheduledAt\":\"" + start + "\"}")
                .put(CALLS + "/" + visit + "/schedule").then().statusCode(409);

        int expectedEvents = RESCHEDULES + 2;
        String admin = TestTokens.admin(TestTokens.newSubject());
        // A 404 problem's "status" is the number 404, so this waits for the reminder to exist and be cancelled.
        awaitTrue(() -> "CANCELLED".equals(given().auth().oauth2(admin).get(REMINDERS + visit + "/reminder")
                .then().extract().path("status")));

        List<String> produced = Databases.strings("call",
                "SELECT event_id FROM outbox_event WHERE event_key = ? ORDER BY seq", visit);
        assertEquals(expectedEvents, produced.size(), "one outbox row per committed change, none for the refusal");
        List<String> applied = Databases.strings("notification",
                "SELECT event_id FROM processed_event WHERE event_id = ANY(?::text[]) ORDER BY seq",
                "{" + String.join(",", produced) + "}");
        assertEquals(produced, applied, "every event applied once, in the order it was committed");
        given().auth().oauth2(admin).get(REMINDERS + visit + "/reminder").then()
                .body("appliedEvents", equalTo(expectedEvents))
                .body("visitAt", equalTo(last.toString()));

        // Redeliver the first event (as after a relay crash between ack and mark): it must change nothing.
        String firstEvent = Databases.strings("call",
                "SELECT payload FROM outbox_event WHERE event_key = ? ORDER BY seq LIMIT 1", visit).get(0);
        double duplicatesBefore = duplicatesSeen();
        try (KafkaSender kafka = new KafkaSender()) {
            kafka.send(Topic.VISITS.topicName(), visit, firstEvent);
        }
        awaitTrue(() -> duplicatesSeen() > duplicatesBefore);
        given().auth().oauth2(admin).get(REMINDERS + visit + "/reminder").then()
                .body("status", equalTo("CANCELLED"))
                .body("appliedEvents", equalTo(expectedEvents));
        assertEquals(1, Databases.strings("notification",
                "SELECT event_id FROM processed_event WHERE event_id = ?", produced.get(0)).size());
    }

    /** notification-service's count of events it recognised as already applied. */
    private static double duplicatesSeen() {
        String metrics = given().get("http://127.0.0.1:28085/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("televisit_inbox_events_total") && line.contains("outcome=\"duplicate\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private static void awaitTrue(Supplier<Boolean> condition) {
        Eventually.within(Duration.ofSeconds(30), () -> assertTrue(condition.get(), "condition not met within 30 s"));
    }
}
