package org.intranet.notification.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.notification.domain.Preferences;
import org.intranet.notification.domain.UnsubscribeTokens;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * The one-click unsubscribe link of every e-mail: no sign-in, the signed token says who and what. A browser gets a
 * short page, a mail client's RFC 8058 {@code POST} or an API client JSON. A forged or expired token is a 400 and
 * changes nothing.
 */
@Path("/api/notifications/unsubscribe")
@PermitAll
@SecurityRequirements // explicitly none: the signed token in the link is the credential
public class UnsubscribeResource {
    private final UnsubscribeTokens tokens;
    private final Preferences preferences;
    private final Template page;

    UnsubscribeResource(UnsubscribeTokens tokens, Preferences preferences,
            @Location("unsubscribed.html") Template page) {
        this.tokens = tokens;
        this.preferences = preferences;
        this.page = page;
    }

    /** @param stopped a notification type whose e-mails stopped, or {@code DIGEST} */
    public record Unsubscribed(String stopped) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "unsubscribe", summary = "Stop one kind of e-mail (the link in every e-mail)",
            description = "No bearer token: `token` is the signed value from the e-mail. Stops e-mail of that "
                    + "notification type, or the digest. A forged, altered or expired token is a 400.")
    public Unsubscribed unsubscribe(@QueryParam("token") String token) {
        return new Unsubscribed(apply(token));
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "unsubscribePage", summary = "Stop one kind of e-mail, answered with a page")
    public String unsubscribePage(@QueryParam("token") String token) {
        String stopped = apply(token);
        return page.data("what", UnsubscribeTokens.DIGEST.equals(stopped) ? "You will get no more digests."
                : "You will get no more e-mails about " + stopped.toLowerCase(java.util.Locale.ROOT)
                        + " notifications; they stay in the app.").render();
    }

    /** RFC 8058: mail clients unsubscribe with a POST of {@code List-Unsubscribe=One-Click} to the same URL. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "unsubscribeOneClick", summary = "Stop one kind of e-mail (RFC 8058 one-click POST)")
    public Unsubscribed oneClick(@QueryParam("token") String token) {
        return new Unsubscribed(apply(token));
    }

    private String apply(String token) {
        UnsubscribeTokens.Unsubscribe request = tokens.verify(token).orElseThrow(() -> new InvalidRequestException(
                "this unsubscribe link is not valid or has expired; change your e-mail settings in your "
                        + "notification preferences instead"));
        if (!preferences.unsubscribe(request.employeeId(), request.scope())) {
            throw new InvalidRequestException("this unsubscribe link names nothing that can be stopped");
        }
        return request.scope();
    }
}
