package org.intranet.feed.domain;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.feed.store.PersonalDataQueries;
import org.intranet.kit.api.Caller;

/** GDPR: only ever the caller's own data; nobody exports someone else's here (an admin erases, next to it). */
@ApplicationScoped
public class PersonalDataExport {
    private final PersonalDataQueries queries;

    PersonalDataExport(PersonalDataQueries queries) {
        this.queries = queries;
    }

    public PersonalData of(Caller caller) {
        return queries.of(caller.id(), Instant.now());
    }
}
