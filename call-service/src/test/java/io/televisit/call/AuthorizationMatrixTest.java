package io.televisit.call;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.televisit.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.televisit.call.Visits.VISITS;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who may do what, for each role and for a visit the caller takes part in ("own") or not ("foreign"). A foreign
 * visit is always 404 (its existence does not leak) except for admins; a role that may see but not act gets 403.
 * Every endpoint is called on a fresh visit so earlier calls cannot change the outcome.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    private record Endpoint(String name, String method, String path, String body) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("read", "GET", "", null),
            new Endpoint("reschedule", "PUT", "/schedule", "{\"scheduledAt\":\"%LATER%\"}"),
            new Endpoint("initiate", "POST", "/initiate", null),
            new Endpoint("cancel", "POST", "/cancel", "{\"reasonCode\":\"DUPLICATE\"}"),
            new Endpoint("fail", "POST", "/fail", "{\"reasonCode\":\"MEDIA_FAILURE\"}"),
            new Endpoint("issue link", "POST", "/join-links", "{\"participantId\":\"%PATIENT%\"}"),
            new Endpoint("access token", "POST", "/access-token", null),
            new Endpoint("consents", "GET", "/consents", null),
            new Endpoint("admit", "POST", "/participants/%PATIENT%/admit", null));

    /** Expected status per endpoint for: own clinician, foreign clinician, own patient, foreign patient, admin. */
    private static final Map<String, int[]> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("read", new int[]{200, 404, 200, 404, 200});
        EXPECTED.put("reschedule", new int[]{200, 404, 403, 403, 200});
        EXPECTED.put("initiate", new int[]{200, 404, 403, 404, 403});
        EXPECTED.put("cancel", new int[]{200, 404, 403, 404, 200});
        EXPECTED.put("fail", new int[]{200, 404, 403, 404, 200});
        EXPECTED.put("issue link", new int[]{201, 404, 403, 403, 403});
        EXPECTED.put("access token", new int[]{200, 404, 200, 404, 403});
        EXPECTED.put("consents", new int[]{200, 404, 200, 404, 200});
        EXPECTED.put("admit", new int[]{200, 404, 403, 404, 403});
    }

    @Test
    void everyRoleGetsExactlyItsRights() {
        String clinicianId = TestTokens.newSubject();
        String patientId = TestTokens.newSubject();
        String[] callers = {TestTokens.clinician(clinicianId), TestTokens.clinician(TestTokens.newSubject()),
                TestTokens.patient(patientId), TestTokens.patient(TestTokens.newSubject()),
                TestTokens.admin(TestTokens.newSubject())};
        String[] names = {"own clinician", "foreign clinician", "own patient", "foreign patient", "admin"};
        List<String> mismatches = new ArrayList<>();
        for (Endpoint endpoint : ENDPOINTS) {
            for (int c = 0; c < callers.length; c++) {
                String visit = Visits.schedule(callers[0], patientId);
                String patient = given().auth().oauth2(callers[0]).get(VISITS + "/" + visit).then().extract()
                        .path("participants.find { it.role == 'PATIENT' }.id");
                var request = given().auth().oauth2(callers[c]);
                if (endpoint.body() != null) {
                    request.contentType(ContentType.JSON).body(endpoint.body().replace("%PATIENT%", patient)
                            .replace("%LATER%", Instant.now().plus(2, ChronoUnit.DAYS).toString()));
                }
                int status = request.request(endpoint.method(),
                        VISITS + "/" + visit + endpoint.path().replace("%PATIENT%", patient)).then().extract().statusCode();
                int expected = EXPECTED.get(endpoint.name())[c];
                if (status != expected) {
                    mismatches.add(endpoint.name() + " as " + names[c] + ": " + status + " (expected " + expected + ")");
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }
}
