package org.intranet.feed.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.intranet.feed.domain.Post;
import org.intranet.feed.domain.PostService;
import org.intranet.feed.store.EmployeeStore;
import org.intranet.kit.api.Caller;
import org.intranet.kit.domain.NotFoundException;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/posts")
@Authenticated
public class PostResource {
    private final PostService posts;
    private final EmployeeStore employees;
    private final SecurityIdentity identity;

    PostResource(PostService posts, EmployeeStore employees, SecurityIdentity identity) {
        this.posts = posts;
        this.employees = employees;
        this.identity = identity;
    }

    @POST
    public RestResponse<PostView> publish(@Valid @NotNull PostRequest request) {
        Caller caller = Caller.of(identity);
        Post post = posts.publish(caller, request.toDraft());
        String name = caller.claim("name");
        return RestResponse.status(RestResponse.Status.CREATED, PostView.of(post, name != null ? name
                : caller.username()));
    }

    @GET
    @Path("/{id}")
    public PostView get(@PathParam("id") String id) {
        Post post = posts.get(Caller.of(identity), parse(id));
        EmployeeStore.Basics author = employees.basics(post.authorId);
        return PostView.of(post, author == null ? null : author.displayName());
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no post " + id);
        }
    }
}
