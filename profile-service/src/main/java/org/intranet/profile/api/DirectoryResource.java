package org.intranet.profile.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.intranet.kit.api.Caller;
import org.intranet.kit.paging.Page;
import org.intranet.kit.paging.PageCursors;
import org.intranet.kit.paging.PageLimit;
import org.intranet.profile.domain.DirectoryService;
import org.intranet.profile.domain.PersonCard;

import io.quarkus.security.identity.SecurityIdentity;

/** The employee directory and the org chart. */
@Path("/api/profiles")
@RolesAllowed(Caller.EMPLOYEE)
public class DirectoryResource {
    private final DirectoryService directory;
    private final PageCursors cursors;
    private final SecurityIdentity identity;

    DirectoryResource(DirectoryService directory, PageCursors cursors, SecurityIdentity identity) {
        this.directory = directory;
        this.cursors = cursors;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "searchDirectory", summary = "Find people by name or handle, department, location, skill",
            description = "q matches the start of the display name, the family name or the handle, any case. "
                    + "Active people, by name; former=true includes those who left.")
    public Page<PersonCard> search(@QueryParam("q") String q, @QueryParam("department") String department,
            @QueryParam("location") String location, @QueryParam("skill") String skill,
            @QueryParam("former") boolean former, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        String me = Caller.of(identity).id();
        int size = PageLimit.parse(limit);
        List<PersonCard.Found> rows = directory.search(
                new DirectoryService.Query(q, department, location, skill, former), cursors.decode(me, cursor, 2),
                size + 1);
        return cursors.page(me, rows, size, f -> List.of(f.sortKey(), f.card().id())).map(PersonCard.Found::card);
    }

    @GET
    @Path("/departments")
    @Operation(operationId = "listDepartments", summary = "Departments with their head counts of active people")
    public List<PersonCard.HeadCount> departments() {
        return directory.departments();
    }

    @GET
    @Path("/locations")
    @Operation(operationId = "listLocations", summary = "Locations with their head counts of active people")
    public List<PersonCard.HeadCount> locations() {
        return directory.locations();
    }

    @GET
    @Path("/{id}/reports")
    @Operation(operationId = "listDirectReports", summary = "A person's direct reports, each with their team size")
    public List<PersonCard.Report> reports(@PathParam("id") String id) {
        return directory.reports(id);
    }

    @GET
    @Path("/{id}/chain")
    @Operation(operationId = "getManagerChain", summary = "A person's managers up to the top, nearest first")
    public List<PersonCard> chain(@PathParam("id") String id) {
        return directory.chain(id);
    }
}
