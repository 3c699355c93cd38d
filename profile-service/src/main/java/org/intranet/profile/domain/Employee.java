package org.intranet.profile.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An employee's profile. The id is the OIDC subject, so a token maps to exactly one profile. */
@Entity
@Table(name = "employees")
public class Employee {
    public enum Status { ACTIVE, LEFT }

    @Id
    public String id;
    public String username;
    @Column(name = "display_name")
    public String displayName;
    @Column(name = "given_name")
    public String givenName;
    @Column(name = "family_name")
    public String familyName;
    public String email;
    public String title;
    public String department;
    public String location;
    @Column(name = "manager_id")
    public String managerId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> skills = new ArrayList<>();
    @Column(name = "time_zone")
    public String timeZone;
    public String phone;
    public String bio;
    @Column(name = "avatar_url")
    public String avatarUrl;
    public String pronouns;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> languages = new ArrayList<>();
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "employee_number")
    public String employeeNumber;
    /** Values of the admin-defined custom fields, by key (validated against {@link CustomField} on every write). */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> custom = new LinkedHashMap<>();
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status = Status.ACTIVE;
    @Column(name = "left_at")
    public Instant leftAt;
    /** The provisioner's own id for this person (SCIM {@code externalId}); null when no provisioner named one. */
    @Column(name = "external_id")
    public String externalId;
    /** When the SCIM provisioner deleted this person: SCIM no longer shows them; they stay a former employee. */
    @Column(name = "scim_deleted_at")
    public Instant scimDeletedAt;
    @Version
    public long version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
