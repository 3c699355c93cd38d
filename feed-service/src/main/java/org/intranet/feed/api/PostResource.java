package org.intranet.feed.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.intranet.feed.domain.Post;
import org.intranet.feed.domain.PostService;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.kit.readcopy.EmployeeCopies;
import org.intranet.kit.readcopy.EmployeeCopy;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/posts")
@RolesAllowed(Caller.EMPLOYEE)
public class PostResource {
    private final PostService posts;
    private final EmployeeCopies employees;
    private final SecurityIdentity identity;

    PostResource(PostService posts, EmployeeCopies employees, SecurityIdentity identity) {
        this.posts = posts;
        this.employees = employees;
        this.identity = identity;
    }

    @POST
    @Operation(operationId = "publishPost", summary = "Publish a post",
            description = "The body is sanitized HTML; @handles become mentions and #tags hashtags. A post in a "
                    + "group needs the author to be a member.")
    public RestResponse<PostView> publish(@Valid @NotNull PostRequest request) {
        Caller caller = Caller.of(identity);
        Post post = posts.publish(caller, request.toDraft());
        String name = caller.claim("name");
        return RestResponse.status(RestResponse.Status.CREATED, PostView.of(post, name != null ? name
                : caller.username()));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getPost", summary = "One post, when the caller may see it",
            description = "A post the caller may not see answers 404, exactly like one that does not exist.")
    public PostView get(@PathParam("id") String id) {
        Post post = posts.get(Caller.of(identity), parse(id));
        return PostView.of(post, employees.find(post.authorId).map(EmployeeCopy::name).orElse(null));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no post " + id);
        }
    }
}
