package io.televisit.system;

import io.televisit.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each packaged service starts against the real stack, reports ready and serves metrics and its API description. */
class ServicesReadyIT {

    @BeforeAll
    static void suite() {
        RunningSuite.ensureStarted();
    }

    @Test
    void everyServiceIsStartedLiveAndReadyWithItsDependenciesUp() {
        for (RunningSuite.Service service : RunningSuite.SERVICES) {
            given().get(service.url("/q/health/started")).then().statusCode(200).body("status", equalTo("UP"));
            given().get(service.url("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks.name", hasItem("outbox-relay"));
            given().get(service.url("/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"))
                    .body("checks.name", hasItem(containsString("Reactive PostgreSQL")));
        }
        given().get(RunningSuite.SERVICES.get(2).url("/q/health/ready")).then()
                .body("checks.name", hasItem("object-storage"));
    }

    @Test
    void everyServiceServesPrometheusMetricsAndOpenApi() {
        for (RunningSuite.Service service : RunningSuite.SERVICES) {
            given().get(service.url("/q/metrics")).then().statusCode(200)
                    .body(containsString("jvm_memory_used_bytes"))
                    .body(containsString("televisit_outbox_published_total"));
            given().queryParam("format", "json").get(service.url("/q/openapi")).then().statusCode(200)
                    .body("openapi", containsString("3."));
        }
    }

    @Test
    void theGatewayRoutesEachServiceUnderOneOrigin() {
        String admin = TestTokens.admin(TestTokens.newSubject());
        for (RunningSuite.Service service : RunningSuite.SERVICES) {
            // The service's own answer (a list, or a problem 404 for an unknown visit), never the gateway's 502 page.
            String type = given().auth().oauth2(admin)
                    .get("http://127.0.0.1:" + RunningSuite.GATEWAY_PORT + service.protectedPath())
                    .then().statusCode(anyOf(equalTo(200), equalTo(404))).extract().contentType();
            assertTrue(type.startsWith("application/json") || type.startsWith("application/problem+json"), type);
        }
    }
}
