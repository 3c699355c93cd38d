package org.intranet.e2e;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** The running local stack (./intranet up): service URLs and real Keycloak tokens for the demo users. */
final class Stack {
    static final String KEYCLOAK = System.getProperty("intranet.keycloak", "http://127.0.0.1:8180");
    static final String PROFILE = System.getProperty("intranet.profile", "http://127.0.0.1:8081");
    static final String FEED = System.getProperty("intranet.feed", "http://127.0.0.1:8082");
    static final String SEARCH = System.getProperty("intranet.search", "http://127.0.0.1:8083");
    static final String NOTIFICATION = System.getProperty("intranet.notification", "http://127.0.0.1:8084");

    private Stack() {
    }

    /** A fresh access token through the password grant of the public web client (local demo users only). */
    static String token(String user) {
        return given().formParam("grant_type", "password").formParam("client_id", "intranet-web")
                .formParam("username", user).formParam("password", user)
                .post(KEYCLOAK + "/realms/intranet/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /** The SCIM provisioner's token: client credentials of a machine client, which has no employee role. */
    static String scimClientToken() {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", "intranet-scim")
                .formParam("client_secret", "scim-secret-local")
                .post(KEYCLOAK + "/realms/intranet/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    static RequestSpecification as(String token, String baseUri) {
        return given().baseUri(baseUri).auth().oauth2(token);
    }
}
