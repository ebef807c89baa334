package io.televisit.call;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.televisit.events.EventCodec;
import io.televisit.events.Topic;
import io.televisit.testing.KafkaProbe;
import io.televisit.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.televisit.call.Visits.VISITS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Consent per participant and purpose: given, attested, withdrawn, audited, published; recording needs everyone's. */
@QuarkusTest
class ConsentTest {

    @Inject
    EventCodec codec;

    private final String clinicianId = TestTokens.newSubject();
    private final String clinician = TestTokens.clinician(clinicianId);
    private final String patientId = TestTokens.newSubject();
    private final String patient = TestTokens.patient(patientId);

    @Test
    void recordingNeedsTheCurrentConsentOfEveryParticipant() throws Exception {
        try (KafkaProbe probe = new KafkaProbe(Topic.VISITS.topicName())) {
            String visit = Visits.schedule(clinician, patientId);
            String patientParticipant = participant(visit, "PATIENT");
            String clinicianParticipant = participant(visit, "CLINICIAN");
            status(visit).body("allConsented", equalTo(false)).body("missingParticipantIds", hasSize(2));

            String consentId = give(patient, visit, patientParticipant, "IN_APP").statusCode(201)
                    .body("givenBy", equalTo(patientId)).body("current", equalTo(true)).extract().path("id");
            give(clinician, visit, clinicianParticipant, "IN_APP").statusCode(201);
            status(visit).body("allConsented", equalTo(true));

            given().auth().oauth2(patient).post(VISITS + "/" + visit + "/consents/" + consentId + "/withdraw")
                    .then().statusCode(200).body("current", equalTo(false));
            status(visit).body("allConsented", equalTo(false)).body("missingParticipantIds[0]", equalTo(patientParticipant));

            give(clinician, visit, patientParticipant, "VERBAL_ATTESTED").statusCode(201)
                    .body("attestedBy", equalTo(clinicianId)).body("method", equalTo("VERBAL_ATTESTED"));
            status(visit).body("allConsented", equalTo(true));

            List<String> types = probe.await(r -> visit.equals(r.key()) && r.value().contains("consent."), 4,
                    Duration.ofSeconds(20)).stream().map(r -> codec.decode(r.value()).type()).toList();
            assertEquals(List.of("io.televisit.consent.recorded.v1", "io.televisit.consent.recorded.v1",
                    "io.televisit.consent.withdrawn.v1", "io.televisit.consent.recorded.v1"), types);
            assertEquals(3, JoinLinkTest.count("SELECT count(*) FROM audit_entry WHERE action = 'CONSENT_GIVEN' "
                    + "AND visit_id = ?::uuid", visit));
        }
    }

    @Test
    void nobodyConsentsForSomeoneElse() {
        String visit = Visits.schedule(clinician, patientId);
        String clinicianParticipant = participant(visit, "CLINICIAN");
        give(patient, visit, clinicianParticipant, "IN_APP").statusCode(403);
        give(patient, visit, participant(visit, "PATIENT"), "VERBAL_ATTESTED").statusCode(403);
        give(clinician, visit, participant(visit, "PATIENT"), "LINK").statusCode(400)
                .body("code", equalTo("CONSENT_METHOD_NOT_ALLOWED"));
        give(TestTokens.patient(TestTokens.newSubject()), visit, clinicianParticipant, "IN_APP").statusCode(404);
    }

    private io.restassured.response.ValidatableResponse give(String token, String visit, String participant,
                                                             String method) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"participantId\":\"" + participant + "\",\"purpose\":\"RECORDING\",\"method\":\"" + method
                        + "\"}")
                .post(VISITS + "/" + visit + "/consents").then();
    }

    private io.restassured.response.ValidatableResponse status(String visit) {
        return given().auth().oauth2(clinician).queryParam("purpose", "RECORDING")
                .get(VISITS + "/" + visit + "/consents/status").then().statusCode(200);
    }

    private String participant(String visit, String role) {
        return given().auth().oauth2(clinician).get(VISITS + "/" + visit).then().extract()
                .path("participants.find { it.role == '" + role + "' }.id");
    }
}
