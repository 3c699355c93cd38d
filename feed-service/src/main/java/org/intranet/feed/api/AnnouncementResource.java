package org.intranet.feed.api;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.intranet.feed.domain.ActivePosition;
import org.intranet.feed.domain.AnnouncementService;
import org.intranet.feed.domain.FeedItem;
import org.intranet.feed.domain.Reach;
import org.intranet.feed.store.AnnouncementStore;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.kit.paging.Page;
import org.intranet.kit.paging.PageCursors;
import org.intranet.kit.paging.PageLimit;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * HR announcements as their audience and HR see them. Publishing one is {@code POST /api/posts} with
 * {@code kind: ANNOUNCEMENT} (hr or admin).
 */
@Path("/api/announcements")
@RolesAllowed(Caller.EMPLOYEE)
public class AnnouncementResource {
    /** Rows read per query while a CSV streams out. */
    private static final int CSV_PAGE = 1_000;
    private static final CsvMapper CSV = CsvMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final CsvSchema PENDING_CSV = CSV.schemaFor(PendingView.class).withHeader();

    private final AnnouncementService announcements;
    private final PageCursors cursors;
    private final SecurityIdentity identity;

    AnnouncementResource(AnnouncementService announcements, PageCursors cursors, SecurityIdentity identity) {
        this.announcements = announcements;
        this.cursors = cursors;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listAnnouncements", summary = "The live announcements for me",
            description = "Unacknowledged must-read first, then pinned, then newest; expired and scheduled ones are "
                    + "not listed.")
    public Page<PostView> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        Caller caller = Caller.of(identity);
        int size = PageLimit.parse(limit);
        List<FeedItem> rows = announcements.active(caller, position(caller, cursor), size);
        return cursors.page(caller.id(), rows, size, item -> {
            ActivePosition last = ActivePosition.of(item);
            return List.of(Integer.toString(last.rank()), last.createdAt().toString(), last.id().toString());
        }).map(PostView::of);
    }

    @POST
    @Path("/{id}/seen")
    @Operation(operationId = "markAnnouncementSeen", summary = "Record that I saw it",
            description = "For a client that showed the announcement in a list; opening it by GET /api/posts/{id} "
                    + "counts too. Once per person; 404 outside its audience.")
    public RestResponse<Void> seen(@PathParam("id") String id) {
        announcements.seen(Caller.of(identity), PostIds.parse(id));
        return RestResponse.noContent();
    }

    @POST
    @Path("/{id}/ack")
    @Operation(operationId = "acknowledgeAnnouncement", summary = "Acknowledge it",
            description = "Once per person, idempotent, never withdrawn; implies seen. 404 outside its audience.")
    public Acknowledged acknowledge(@PathParam("id") String id) {
        return new Acknowledged(announcements.acknowledge(Caller.of(identity), PostIds.parse(id)));
    }

    @GET
    @Path("/{id}/reach")
    @Operation(operationId = "getAnnouncementReach", summary = "Who it reached",
            description = "HR, an admin or its author: audience size, seen and acknowledged with rates, in all and by "
                    + "department and location, from the employee read-copy as it is now.")
    public Reach reach(@PathParam("id") String id) {
        return announcements.reach(Caller.of(identity), PostIds.parse(id));
    }

    @GET
    @Path("/{id}/pending")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAnnouncementPending", summary = "Who has not acknowledged it",
            description = "HR, an admin or its author; by employee id, paged. Accept: text/csv gives them all as a "
                    + "file.")
    public Page<PendingView> pending(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        Caller caller = Caller.of(identity);
        int size = PageLimit.parse(limit);
        List<String> after = cursors.decode(caller.id(), cursor, 1);
        List<AnnouncementStore.Pending> rows = announcements.pending(caller, PostIds.parse(id),
                after == null ? null : after.get(0), size + 1);
        return cursors.page(caller.id(), rows, size, last -> List.of(last.id())).map(PendingView::of);
    }

    @GET
    @Path("/{id}/pending")
    @Produces("text/csv")
    @Operation(operationId = "downloadAnnouncementPending", summary = "Who has not acknowledged it, as CSV")
    public RestResponse<StreamingOutput> pendingCsv(@PathParam("id") String id) {
        Caller caller = Caller.of(identity);
        UUID postId = PostIds.parse(id);
        // the first page is read before the response starts, so a denial is still a problem+json answer
        List<AnnouncementStore.Pending> first = announcements.pending(caller, postId, null, CSV_PAGE);
        StreamingOutput body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            try (SequenceWriter rows = CSV.writer(PENDING_CSV).writeValues(writer)) {
                List<AnnouncementStore.Pending> page = first;
                while (!page.isEmpty()) {
                    for (AnnouncementStore.Pending p : page) {
                        rows.write(PendingView.forSpreadsheet(p));
                    }
                    page = page.size() < CSV_PAGE ? List.of()
                            : announcements.pending(caller, postId, page.get(page.size() - 1).id(), CSV_PAGE);
                }
            }
        };
        return RestResponse.ResponseBuilder.ok(body).header("Content-Disposition",
                "attachment; filename=\"announcement-" + postId + "-pending.csv\"").build();
    }

    private ActivePosition position(Caller caller, String cursor) {
        List<String> keys = cursors.decode(caller.id(), cursor, 3);
        if (keys == null) {
            return null;
        }
        try {
            return new ActivePosition(Integer.parseInt(keys.get(0)), Instant.parse(keys.get(1)),
                    UUID.fromString(keys.get(2)));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("cursor is not one of this list's");
        }
    }

    public record Acknowledged(Instant acknowledgedAt) {
    }

    /** One person who has not acknowledged yet, and whether they at least saw it. */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"id", "username", "displayName", "email", "department",
            "location", "seenAt"})
    public record PendingView(String id, String username, String displayName, String email, String department,
            String location, Instant seenAt) {
        static PendingView of(AnnouncementStore.Pending p) {
            return new PendingView(p.id(), p.username(), p.displayName(), p.email(), p.department(), p.location(),
                    p.seenAt());
        }

        /**
         * For a file HR opens in a spreadsheet: a cell starting with {@code = + - @} would run as a formula (CSV
         * injection, OWASP), so such text gets a leading apostrophe.
         */
        static PendingView forSpreadsheet(AnnouncementStore.Pending p) {
            return new PendingView(cell(p.id()), cell(p.username()), cell(p.displayName()), cell(p.email()),
                    cell(p.department()), cell(p.location()), p.seenAt());
        }

        private static String cell(String text) {
            return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        }
    }
}
