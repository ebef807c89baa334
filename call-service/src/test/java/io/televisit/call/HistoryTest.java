package io.televisit.call;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.televisit.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static io.televisit.call.Visits.VISITS;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** History with filters and cursor pagination, and statistics over a period, scoped to the caller. */
@QuarkusTest
class HistoryTest {

    private final String clinician = TestTokens.clinician(TestTokens.newSubject());
    private final String patientId = TestTokens.newSubject();
    private final Instant base = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void pagesWalkTheCallersVisitsNewestFirstWithoutGapsOrRepeats() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, schedule(clinician, patientId, base.plus(i, ChronoUnit.HOURS)));
        }
        schedule(TestTokens.clinician(TestTokens.newSubject()), TestTokens.newSubject(), base);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(clinician).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(VISITS).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(created, seen, "the clinician's five visits, newest first, each once");

        given().auth().oauth2(TestTokens.patient(patientId)).get(VISITS).then().statusCode(200)
                .body("items", hasSize(5)).body("nextCursor", nullValue());
        given().auth().oauth2(clinician).queryParam("from", base.plus(1, ChronoUnit.HOURS).toString())
                .queryParam("to", base.plus(3, ChronoUnit.HOURS).toString()).get(VISITS)
                .then().body("items", hasSize(2));
        Visits.act(clinician, created.get(0), "cancel", "DUPLICATE").statusCode(200);
        given().auth().oauth2(clinician).queryParam("status", "CANCELLED").queryParam("patient", patientId).get(VISITS)
                .then().body("items", hasSize(1)).body("items[0].id", equalTo(created.get(0)));
        given().auth().oauth2(clinician).queryParam("cursor", "bm90LWEtY3Vyc29y").get(VISITS)
                .then().statusCode(400).body("code", equalTo("INVALID_CURSOR"));
        given().auth().oauth2(clinician).queryParam("limit", 1000).get(VISITS)
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"));
        given().auth().oauth2(clinician).queryParam("status", "LOST").get(VISITS).then().statusCode(400)
                .body("code", equalTo("INVALID_VALUE"));
    }

    @Test
    void statisticsCountOutcomesRatesAndDurationsOfTheCallersVisits() throws Exception {
        String patient = TestTokens.patient(patientId);
        String ended = schedule(clinician, patientId, base);
        Visits.act(clinician, ended, "initiate").statusCode(200);
        Visits.act(patient, ended, "answer").statusCode(200);
        Thread.sleep(1100);
        Visits.act(clinician, ended, "end").statusCode(200);
        String declined = schedule(clinician, patientId, base);
        Visits.act(clinician, declined, "initiate").statusCode(200);
        Visits.act(patient, declined, "decline", "PATIENT_BUSY").statusCode(200);
        String failed = schedule(clinician, patientId, base);
        given().auth().oauth2(clinician).contentType(ContentType.JSON).body("{\"reasonCode\":\"MEDIA_FAILURE\"}")
                .post(VISITS + "/" + failed + "/fail").then().statusCode(200);
        Visits.act(clinician, schedule(clinician, patientId, base), "cancel", "DUPLICATE").statusCode(200);
        schedule(clinician, patientId, base);

        given().auth().oauth2(clinician)
                .queryParam("from", base.minus(1, ChronoUnit.MINUTES).toString())
                .queryParam("to", base.plus(1, ChronoUnit.MINUTES).toString())
                .get(VISITS + "/statistics").then().statusCode(200)
                .body("total", equalTo(5))
                .body("byStatus.ENDED", equalTo(1)).body("byStatus.DECLINED", equalTo(1))
                .body("byStatus.FAILED", equalTo(1)).body("byStatus.CANCELLED", equalTo(1))
                .body("byStatus.SCHEDULED", equalTo(1))
                .body("successRate", equalTo(1 / 3f))
                .body("missedRate", equalTo(0f))
                .body("averageDurationSeconds", org.hamcrest.Matchers.greaterThanOrEqualTo(1f));
        given().auth().oauth2(patient).queryParam("from", base.toString()).queryParam("to", base.plusSeconds(60).toString())
                .get(VISITS + "/statistics").then().statusCode(403);
        given().auth().oauth2(clinician).queryParam("from", base.toString()).queryParam("to", base.toString())
                .get(VISITS + "/statistics").then().statusCode(400).body("code", equalTo("PERIOD_OUT_OF_RANGE"));
    }

    private static String schedule(String token, String patient, Instant at) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Visits.body(patient, at))
                .post(VISITS).then().statusCode(201).extract().path("id");
    }
}
