package org.intranet.testsupport.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import java.util.LinkedHashMap;
import java.util.Map;

import org.intranet.testsupport.oidc.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The denials every employee API must give, as RFC 7807 problems: no token or a token that does not verify → 401
 * with a {@code WWW-Authenticate: Bearer} challenge; a valid token without the {@code employee} role (a machine
 * client such as the SCIM provisioner) → 403.
 */
public final class Denials {
    private static final String PROBLEM = "application/problem+json";

    private Denials() {
    }

    /** Tokens that must never get in: each one fails a different check. */
    public static Map<String, String> badTokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", TestTokens.user("mallory").expired().sign());
        tokens.put("other issuer", TestTokens.user("mallory").issuedBy("https://evil.example.com/realms/x").sign());
        tokens.put("forged signature", TestTokens.user("mallory").forged().sign());
        tokens.put("other audience", TestTokens.user("mallory").audience("some-other-api").sign());
        tokens.put("not a JWT", "not-a-jwt");
        return tokens;
    }

    /** A machine client's token: valid, for this API, but not a person (no employee role). */
    public static String machineToken() {
        return TestTokens.user("service-account-intranet-scim").roles("scim").sign();
    }

    public static void assertEmployeeOnly(String method, String path) {
        expect(given(), method, path, 401).header("WWW-Authenticate", equalTo("Bearer"));
        badTokens().values().forEach(token -> expect(given().auth().oauth2(token), method, path, 401)
                .header("WWW-Authenticate", equalTo("Bearer")));
        expect(given().auth().oauth2(machineToken()), method, path, 403);
    }

    private static io.restassured.response.ValidatableResponse expect(RequestSpecification request, String method,
            String path, int status) {
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request = request.contentType(ContentType.JSON).body("{}");
        }
        return request.request(method, path).then()
                .statusCode(status)
                .contentType(PROBLEM)
                .body("status", equalTo(status))
                .body("detail", not(emptyOrNullString()))
                .body("instance", equalTo(path.replaceFirst("\\?.*", "")));
    }
}
