package io.televisit.system;

import io.televisit.testing.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Every service refuses bad user tokens with 401 problem details, and accepts a good one. */
class TokenRejectionIT {

    @BeforeAll
    static void suite() {
        RunningSuite.ensureStarted();
    }

    @Test
    void badTokensAreRefusedByEveryService() {
        Map<String, String> badTokens = Map.of(
                "unsigned alg=none", TestTokens.unsigned("admin"),
                "wrong issuer", TestTokens.wrongIssuer("admin"),
                "wrong audience", TestTokens.wrongAudience("admin"),
                "expired", TestTokens.expired("admin"),
                "signed with another key", TestTokens.wrongKey("admin"),
                "HS256 instead of RS256", TestTokens.hs256("admin"),
                "garbage", "not.a.jwt");
        for (RunningSuite.Service service : RunningSuite.SERVICES) {
            given().get(service.url(service.protectedPath())).then().statusCode(401)
                    .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
            badTokens.forEach((what, token) -> given().auth().oauth2(token).get(service.url(service.protectedPath()))
                    .then().log().ifValidationFails().statusCode(401)
                    .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED")));
            given().auth().oauth2(TestTokens.admin(TestTokens.newSubject())).get(service.url(service.protectedPath()))
                    .then().statusCode(not(401));
        }
    }
}
