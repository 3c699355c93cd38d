package org.intranet.profile.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A group the identity provider provisions through SCIM: a team, a distribution list, a department as the IdP
 * models it. Its members are in {@code directory_group_members}; a change of them bumps {@link #version} (the ETag).
 */
@Entity
@Table(name = "directory_groups")
public class DirectoryGroup {
    @Id
    public String id;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "external_id")
    public String externalId;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
