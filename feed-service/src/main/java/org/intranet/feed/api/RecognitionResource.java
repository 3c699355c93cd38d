package org.intranet.feed.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.intranet.feed.domain.RecognitionService;
import org.intranet.feed.domain.Recognised;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.kit.paging.PageCursors;
import org.intranet.kit.paging.PageLimit;

import io.quarkus.security.identity.SecurityIdentity;

/** Kudos: the company's values, the recognition wall, and what one person received. Giving is a RECOGNITION post. */
@Path("/api/recognition")
@RolesAllowed(Caller.EMPLOYEE)
public class RecognitionResource {
    private final RecognitionService recognitions;
    private final PageCursors cursors;
    private final SecurityIdentity identity;

    RecognitionResource(RecognitionService recognitions, PageCursors cursors, SecurityIdentity identity) {
        this.recognitions = recognitions;
        this.cursors = cursors;
        this.identity = identity;
    }

    @GET
    @Path("/values")
    @Operation(operationId = "getRecognitionValues", summary = "The company's values and badges",
            description = "What a RECOGNITION may name, and what is left of the caller's giving budget this month "
                    + "(monthlyBudget null: no budget).")
    public RecognitionService.Catalogue values() {
        return recognitions.catalogue(Caller.of(identity));
    }

    @GET
    @Operation(operationId = "getRecognitionWall", summary = "The recognition wall",
            description = "People ranked by recognitions received in the period (calendar week from Monday, month "
                    + "or quarter, UTC), with counts per value; only recognitions the caller may see count.")
    public WallView wall(@QueryParam("period") String period, @QueryParam("department") String department,
            @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        Caller caller = Caller.of(identity);
        RecognitionService.Period chosen = period(period);
        RecognitionService.WallPage page = recognitions.wall(caller, chosen, department,
                cursors.decode(caller.id(), cursor, 2), PageLimit.parse(limit));
        Recognised last = page.last();
        String next = last == null ? null
                : cursors.encode(caller.id(), List.of(Integer.toString(last.total()), last.employeeId()));
        return new WallView(chosen.name(), page.from(), department,
                page.items().stream().map(WallEntry::of).toList(), next);
    }

    @GET
    @Path("/people/{id}")
    @Operation(operationId = "getRecognitionReceived", summary = "What one person received",
            description = "Counts per value and the recognitions themselves, newest first, as far as the caller may "
                    + "see them.")
    public ReceivedView received(@PathParam("id") String id, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        Caller caller = Caller.of(identity);
        RecognitionService.Received received = recognitions.received(caller, id,
                cursors.decodePosition(caller.id(), cursor), PageLimit.parse(limit));
        var person = received.person();
        return new ReceivedView(new PersonView(person.id(), person.name(), person.username(), person.department()),
                received.total(), received.byValue(), received.items().items().stream().map(PostView::of).toList(),
                cursors.encode(caller.id(), received.items().next()));
    }

    private static RecognitionService.Period period(String period) {
        if (period == null || period.isBlank()) {
            return RecognitionService.Period.MONTH;
        }
        try {
            return RecognitionService.Period.valueOf(period.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("period must be week, month or quarter");
        }
    }

    public record PersonView(String id, String displayName, String username, String department) {
    }

    /** One person on the wall: how many recognitions they received in the period, and for which values. */
    public record WallEntry(PersonView employee, int total, Map<String, Integer> byValue) {
        static WallEntry of(Recognised r) {
            return new WallEntry(new PersonView(r.employeeId(), r.displayName(), r.username(), r.department()),
                    r.total(), r.byValue());
        }
    }

    /** The wall: {@code from} is when the period began; {@code items, next} page like every list. */
    public record WallView(String period, Instant from, String department, List<WallEntry> items, String next) {
    }

    /** What a person received: counts per value, and the recognitions themselves as posts, paged. */
    public record ReceivedView(PersonView person, int total, Map<String, Integer> byValue, List<PostView> items,
            String next) {
    }
}
