package org.intranet.feed.store;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.feed.domain.Post;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PostStore implements PanacheRepositoryBase<Post, UUID> {
}
