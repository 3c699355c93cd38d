package org.intranet.notification.api;

import java.time.Duration;
import java.time.Instant;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.intranet.kit.api.Caller;
import org.intranet.notification.config.NotificationConfig;
import org.intranet.notification.domain.Cursor;
import org.intranet.notification.domain.LiveNotifications;
import org.intranet.notification.domain.Notification;
import org.intranet.notification.domain.NotificationInbox;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;

/** The caller's notifications: always and only the token subject's own. */
@Path("/api/notifications")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {
    private final NotificationInbox inbox;
    private final LiveNotifications live;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final NotificationConfig config;

    NotificationResource(NotificationInbox inbox, LiveNotifications live, SecurityIdentity identity,
            ObjectMapper json, NotificationConfig config) {
        this.inbox = inbox;
        this.live = live;
        this.identity = identity;
        this.json = json;
        this.config = config;
    }

    /** Newest first. {@code unread=true} lists only unread ones; {@code cursor} is a previous page's {@code next}. */
    @GET
    public NotificationPage list(@QueryParam("unread") String unread, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        boolean unreadOnly = ListParameters.unreadOnly(unread);
        int pageSize = ListParameters.limit(limit);
        Cursor after = Cursor.decode(cursor);
        return NotificationPage.of(inbox.page(Caller.of(identity), unreadOnly, after, pageSize));
    }

    @GET
    @Path("/unread-count")
    public UnreadCount unreadCount() {
        return new UnreadCount(inbox.unreadCount(Caller.of(identity)));
    }

    /** 204 also when it was read already; 404 for an id that is not the caller's (whoever's it is). */
    @POST
    @Path("/{id}/read")
    public RestResponse<Void> markRead(@PathParam("id") String id) {
        inbox.markRead(Caller.of(identity), id);
        return RestResponse.noContent();
    }

    @POST
    @Path("/read-all")
    public ReadAllResult readAll() {
        return new ReadAllResult(inbox.markAllRead(Caller.of(identity)));
    }

    /**
     * Server-Sent Events: {@code ready} once subscribed, then a {@code notification} event (data: the same JSON as a
     * list item, id: the notification id) for each new notification of the caller, and a comment line as heartbeat.
     * The stream is a hint: on (re)connect a client reads the list, which is the source of truth. It ends when the
     * token expires; the client reconnects with a fresh one.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        Caller caller = Caller.of(identity);
        Multi<OutboundSseEvent> notifications = Multi.createFrom().<OutboundSseEvent>emitter(emitter -> {
            // listen first, then say ready: whatever commits after the client sees "ready" reaches it
            Runnable stop = live.listen(caller.id(), n -> emitter.emit(event(sse, n)));
            emitter.onTermination(stop);
            emitter.emit(sse.newEventBuilder().name("ready").data("{}").build());
        }, config.stream().buffer());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(config.stream().heartbeat())
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("keep-alive").build());
        Multi<OutboundSseEvent> stream = Multi.createBy().merging().streams(notifications, heartbeats);
        long expiresAt = caller.token().getExpirationTime();
        if (expiresAt > 0) {
            Duration remaining = Duration.between(Instant.now(), Instant.ofEpochSecond(expiresAt));
            // at least a second: select().first needs a positive duration
            stream = stream.select().first(remaining.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                    : remaining);
        }
        return stream;
    }

    private OutboundSseEvent event(Sse sse, Notification notification) {
        try {
            return sse.newEventBuilder()
                    .name("notification")
                    .id(notification.id().toString())
                    .data(json.writeValueAsString(NotificationView.of(notification)))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification view is not serializable", e);
        }
    }
}
