package org.intranet.profile.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.profile.domain.ImportJob;
import org.intranet.profile.domain.ImportService;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;

/** CSV imports from the HR system (hr, admin): a job that runs after the 202, followed by polling. */
@Path("/api/profiles/import")
@RolesAllowed(Caller.EMPLOYEE)
public class ImportResource {
    private final ImportService imports;
    private final CsvProfiles csv;
    private final SecurityIdentity identity;

    ImportResource(ImportService imports, CsvProfiles csv, SecurityIdentity identity) {
        this.imports = imports;
        this.csv = csv;
        this.identity = identity;
    }

    @POST
    @Consumes({"text/csv", "application/csv"})
    @Operation(operationId = "importProfiles", summary = "Import profiles from a CSV file (hr, admin)",
            description = "UTF-8 CSV, a header row naming the columns (see the README), at most 100,000 rows and "
                    + "16 MB. Answers 202 with the job; GET its Location for progress. deactivateMissing=true "
                    + "deactivates every active employee the file does not list (a full export).")
    public RestResponse<ImportJob> start(byte[] body, @QueryParam("deactivateMissing") boolean deactivateMissing) {
        ImportJob job = imports.start(Caller.of(identity), () -> csv.read(body), deactivateMissing);
        return RestResponse.ResponseBuilder.create(RestResponse.Status.ACCEPTED, job)
                .location(URI.create("/api/profiles/import/" + job.id())).build();
    }

    @GET
    @Path("/{job}")
    @Operation(operationId = "getProfileImport", summary = "An import's progress: processed / total, errors",
            description = "state RUNNING, DONE or FAILED; errors lists every row not applied with its line.")
    public ImportJob job(@PathParam("job") String job) {
        return imports.job(Caller.of(identity), uuid(job));
    }

    private static UUID uuid(String job) {
        try {
            return UUID.fromString(job);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no import job " + job);
        }
    }
}
