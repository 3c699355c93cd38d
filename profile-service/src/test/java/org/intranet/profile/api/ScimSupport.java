package org.intranet.profile.api;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.intranet.testsupport.oidc.TestTokens;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Requests as a provisioning client sends them: its own token, SCIM JSON. */
final class ScimSupport {
    static final String SCIM = "application/scim+json";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String CLIENT = TestTokens.user("service-account-intranet-scim").roles("scim").sign();

    private ScimSupport() {
    }

    static RequestSpecification scim() {
        return given().auth().oauth2(CLIENT).contentType(SCIM).accept(SCIM);
    }

    /** A new User with a unique userName; @return its id */
    static String createUser(String userName, String extra) {
        String externalId = UUID.randomUUID().toString();
        return scim().body("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"%s","userName":"%s",
                 "name":{"givenName":"Given","familyName":"Family"},"active":true%s}"""
                .formatted(externalId, userName, extra == null ? "" : "," + extra))
                .post("/scim/v2/Users").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse patch(String path, String operations) {
        return scim().body("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + operations + "]}").patch(path).then();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
