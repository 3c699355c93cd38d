package org.intranet.notification.api;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.kit.paging.Page;
import org.intranet.kit.paging.PageCursors;
import org.intranet.kit.paging.PageLimit;
import org.intranet.kit.paging.Position;
import org.intranet.notification.config.NotificationConfig;
import org.intranet.notification.domain.LiveNotifications;
import org.intranet.notification.domain.Notification;
import org.intranet.notification.domain.NotificationInbox;
import org.intranet.notification.domain.Preferences;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** The caller's notifications: always and only the token subject's own. */
@Path("/api/notifications")
@RolesAllowed(Caller.EMPLOYEE)
@Produces(MediaType.APPLICATION_JSON)
public class NotificationResource {
    private final NotificationInbox inbox;
    private final LiveNotifications live;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final NotificationConfig config;
    private final PageCursors cursors;
    private final Preferences preferences;

    NotificationResource(NotificationInbox inbox, LiveNotifications live, SecurityIdentity identity,
            ObjectMapper json, NotificationConfig config, PageCursors cursors, Preferences preferences) {
        this.preferences = preferences;
        this.cursors = cursors;
        this.inbox = inbox;
        this.live = live;
        this.identity = identity;
        this.json = json;
        this.config = config;
    }

    /** GDPR: everything notification-service holds of the caller's. */
    public record NotificationExport(String service, String employeeId, Instant exportedAt,
            List<NotificationView> notifications, PreferencesBody preferences) {
    }

    @GET
    @Path("/me/export")
    @Operation(operationId = "exportMyNotifications", summary = "Everything notification-service holds of mine (GDPR)",
            description = "All my notifications, read or not, newest first, under the same visibility rule as the "
                    + "list, and my notification preferences.")
    public NotificationExport export() {
        Caller caller = Caller.of(identity);
        return new NotificationExport("notification-service", caller.id(), Instant.now(),
                inbox.all(caller).stream().map(NotificationView::of).toList(),
                PreferencesBody.of(preferences.of(caller.id())));
    }

    /** Newest first. {@code unread=true} lists only unread ones; {@code cursor} is a previous page's {@code next}. */
    @GET
    @Operation(operationId = "listNotifications", summary = "The caller's notifications, newest first",
            description = "`unread=true` lists only unread ones; pass `next` back as `cursor` for the next page.")
    public Page<NotificationView> list(@QueryParam("unread") String unread, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        Caller caller = Caller.of(identity);
        boolean unreadOnly = UnreadParameter.unreadOnly(unread);
        int pageSize = PageLimit.parse(limit);
        NotificationInbox.Page page = inbox.page(caller, unreadOnly, cursors.decodePosition(caller.id(), cursor),
                pageSize);
        return new Page<>(page.items().stream().map(NotificationView::of).toList(),
                cursors.encode(caller.id(), page.next()));
    }

    @GET
    @Path("/unread-count")
    @Operation(operationId = "getUnreadCount", summary = "How many unread notifications the caller has",
            description = "Exact up to 1000; 1000 beyond (clients show 999+).")
    public UnreadCount unreadCount() {
        return new UnreadCount(inbox.unreadCount(Caller.of(identity)));
    }

    /** 204 also when it was read already; 404 for an id that is not the caller's (whoever's it is). */
    @POST
    @Path("/{id}/read")
    @Operation(operationId = "markNotificationRead", summary = "Mark one of the caller's notifications read")
    public RestResponse<Void> markRead(@PathParam("id") String id) {
        inbox.markRead(Caller.of(identity), id);
        return RestResponse.noContent();
    }

    @POST
    @Path("/read-all")
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark all of the caller's notifications read")
    public ReadAllResult readAll() {
        return new ReadAllResult(inbox.markAllRead(Caller.of(identity)));
    }

    /**
     * Server-Sent Events: {@code ready} once subscribed, then a {@code notification} event (data: the same JSON as a
     * list item; id: where it stands in the list) for each new or updated notification of the caller, on whichever
     * replica it was created, each followed by {@code unread-count}; a comment line as heartbeat. Reconnecting with
     * {@code Last-Event-ID} first replays what was missed. It ends when the token expires; the client reconnects
     * with a fresh one.
     */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(operationId = "streamNotifications", summary = "The caller's new notifications as Server-Sent Events",
            description = "Events: `ready`, `notification` (a list item; `id` is its place in the list), "
                    + "`unread-count` (`{count}`). Send `Last-Event-ID` on reconnect to get what was missed first "
                    + "(up to 500; a notification may come twice, never be lost).")
    public Multi<OutboundSseEvent> stream(@Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId) {
        Caller caller = Caller.of(identity);
        Position resumeFrom = resumePosition(caller, lastEventId);
        Multi<OutboundSseEvent> notifications = Multi.createFrom().<OutboundSseEvent>emitter(emitter -> {
            // listen first, then replay and say ready: whatever commits meanwhile reaches the client (maybe twice)
            // pushed only while the caller may still see what it is about: the same rule as the list
            Runnable stop = live.listen(caller.id(), n -> {
                if (inbox.canSee(caller, n)) {
                    emitter.emit(event(sse, caller, n));
                    emitter.emit(unreadCount(sse, caller));
                }
            });
            emitter.onTermination(stop);
            List<Notification> missed = inbox.since(caller, resumeFrom);
            emitter.emit(sse.newEventBuilder().name("ready").data("{}").build());
            missed.forEach(n -> emitter.emit(event(sse, caller, n)));
            emitter.emit(unreadCount(sse, caller));
        }, config.stream().buffer())
                // the replay and the counts read the database: not on the I/O thread that subscribes
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
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

    /** An unreadable Last-Event-ID (another user's, or garbage) resumes nothing rather than failing the reconnect. */
    private Position resumePosition(Caller caller, String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return null;
        }
        try {
            return cursors.decodePosition(caller.id(), lastEventId.strip());
        } catch (InvalidRequestException e) {
            return null;
        }
    }

    private OutboundSseEvent unreadCount(Sse sse, Caller caller) {
        return json(sse, "unread-count", null, new UnreadCount(inbox.countUnread(caller)));
    }

    private OutboundSseEvent event(Sse sse, Caller caller, Notification notification) {
        return json(sse, "notification", cursors.encode(caller.id(), NotificationInbox.positionOf(notification)),
                NotificationView.of(notification));
    }

    private OutboundSseEvent json(Sse sse, String name, String id, Object data) {
        try {
            OutboundSseEvent.Builder event = sse.newEventBuilder().name(name).data(json.writeValueAsString(data));
            return (id == null ? event : event.id(id)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(name + " is not serializable", e);
        }
    }
}
