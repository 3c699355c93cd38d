package org.intranet.feed.store;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.feed.domain.Post;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PostStore implements PanacheRepositoryBase<Post, UUID> {

    /**
     * A post to read, never to change (changes to it are not written). Loaded read-only, the session keeps no
     * snapshot of it: its JSON columns are not deep-copied through Jackson for dirty checking, and flushes skip it.
     * That copy was a fifth of an acknowledgement's CPU.
     */
    public Post readOnly(UUID id) {
        return getSession().byId(Post.class).withReadOnly(true).load(id);
    }
}
