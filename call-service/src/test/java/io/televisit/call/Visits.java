package io.televisit.call;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static io.restassured.RestAssured.given;

/** Small REST helpers for the call-service tests. */
final class Visits {

    static final String VISITS = "/api/calls/v1/visits";

    private Visits() {
    }

    static String body(String patientSubject, Instant at) {
        return "{\"type\":\"VIDEO\",\"scheduledAt\":\"" + at + "\",\"appointmentId\":\"A-1\","
                + "\"participants\":[{\"role\":\"PATIENT\",\"subject\":\"" + patientSubject + "\"}]}";
    }

    /** Schedules a visit in an hour with the given patient; returns its id. */
    static String schedule(String clinicianToken, String patientSubject) {
        return given().auth().oauth2(clinicianToken).contentType(ContentType.JSON)
                .body(body(patientSubject, Instant.now().plus(1, ChronoUnit.HOURS)))
                .post(VISITS).then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse act(String token, String visitId, String action) {
        return given().auth().oauth2(token).post(VISITS + "/" + visitId + "/" + action).then();
    }

    static ValidatableResponse act(String token, String visitId, String action, String reasonCode) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"reasonCode\":\"" + reasonCode + "\"}")
                .post(VISITS + "/" + visitId + "/" + action).then();
    }
}
