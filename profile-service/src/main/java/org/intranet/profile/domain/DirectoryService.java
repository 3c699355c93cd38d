package org.intranet.profile.domain;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.kit.domain.NotFoundException;
import org.intranet.profile.store.DirectoryQueries;

/** Finding people: the directory, head counts and the org chart, for every employee. */
@ApplicationScoped
public class DirectoryService {
    private final DirectoryQueries directory;
    private final ProfileService profiles;

    DirectoryService(DirectoryQueries directory, ProfileService profiles) {
        this.directory = directory;
        this.profiles = profiles;
    }

    /** A search of the directory; {@code after} is the last card's {@code (lower(displayName), id)}. */
    public record Query(String q, String department, String location, String skill, boolean former) {
    }

    public List<PersonCard.Found> search(Query query, List<String> after, int limit) {
        String prefix = blankToNull(query.q());
        if (prefix != null && prefix.length() > 100) {
            throw new InvalidRequestException("q must have at most 100 characters");
        }
        return directory.search(prefix == null ? null : prefix.toLowerCase(Locale.ROOT),
                blankToNull(query.department()), blankToNull(query.location()), blankToNull(query.skill()),
                query.former(), after, limit);
    }

    public List<PersonCard.HeadCount> departments() {
        return directory.departments();
    }

    public List<PersonCard.HeadCount> locations() {
        return directory.locations();
    }

    /** Someone's active direct reports with their team sizes; 404 for an unknown person. */
    public List<PersonCard.Report> reports(String id) {
        profiles.get(id);
        return directory.reports(id);
    }

    /** Someone's managers up to the top, nearest first; 404 for an unknown person. */
    public List<PersonCard> chain(String id) {
        List<PersonCard> chain = directory.chainFrom(id);
        if (chain.isEmpty()) {
            throw new NotFoundException("no employee with id " + id);
        }
        return chain.subList(1, chain.size());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
