package org.intranet.profile.api;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.intranet.kit.domain.InvalidRequestException;
import org.intranet.profile.domain.Employee;
import org.intranet.profile.domain.ImportFile;
import org.intranet.profile.domain.ImportJob;
import org.intranet.profile.domain.ImportRow;
import org.intranet.profile.domain.ProfileText;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

/**
 * Reads an import file: UTF-8 CSV with a header row naming the columns (any order, any case). A problem with the
 * file itself (encoding, no header, an unknown or repeated column, too many rows) refuses all of it; a problem with a
 * row refuses that row, reported with its line. An empty cell leaves the field as it is; lists are separated by
 * {@code ;}. Every row's values are checked by the same constraints as a PATCH of the profile.
 */
@ApplicationScoped
public class CsvProfiles {
    public static final int MAX_ROWS = 100_000;
    /** The columns, as documented in the README; the key is the header in lower case. */
    static final List<String> COLUMNS = List.of("id", "username", "displayName", "givenName", "familyName", "email",
            "title", "department", "location", "manager", "timeZone", "phone", "skills", "languages", "startDate",
            "employeeNumber", "status");
    private static final Map<String, String> BY_LOWER = COLUMNS.stream()
            .collect(Collectors.toMap(c -> c.toLowerCase(Locale.ROOT), c -> c));
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES).build();
    private final Validator validator;

    CsvProfiles(Validator validator) {
        this.validator = validator;
    }

    public ImportFile read(byte[] body) {
        String text = utf8(body);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new InvalidRequestException("the file is empty: send a CSV whose first line names the columns");
        }
        List<String[]> records = records(text);
        List<String> header = header(records.get(0));
        if (records.size() - 1 > MAX_ROWS) {
            throw new InvalidRequestException("the file has " + (records.size() - 1) + " rows; an import takes at most "
                    + MAX_ROWS + ": split it");
        }
        List<ImportRow> rows = new ArrayList<>();
        List<ImportJob.RowError> rejected = new ArrayList<>();
        List<ImportFile.Named> named = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            String[] cells = records.get(i);
            int line = i + 1;
            if (cells.length == 1 && cells[0].isBlank()) {
                continue;
            }
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < Math.min(cells.length, header.size()); c++) {
                if (!cells[c].isBlank()) {
                    row.put(header.get(c), cells[c].strip());
                }
            }
            named.add(new ImportFile.Named(row.get("id"), row.get("username")));
            if (cells.length > header.size()) {
                rejected.add(new ImportJob.RowError(line, "the row has " + cells.length + " cells, the header "
                        + header.size()));
                continue;
            }
            try {
                rows.add(row(line, row));
            } catch (InvalidRequestException e) {
                rejected.add(new ImportJob.RowError(line, e.getMessage()));
            }
        }
        return new ImportFile(rows, rejected, named);
    }

    private ImportRow row(int line, Map<String, String> cells) {
        String username = cells.get("username");
        if (username == null) {
            throw new InvalidRequestException("username is empty");
        }
        ProfilePatchRequest request = new ProfilePatchRequest(cells.get("displayName"), cells.get("givenName"),
                cells.get("familyName"), cells.get("email"), cells.get("title"), cells.get("department"),
                cells.get("location"), null, cells.get("timeZone"), cells.get("phone"), null, null, null,
                list(cells.get("skills")), list(cells.get("languages")), date(cells.get("startDate")),
                cells.get("employeeNumber"), status(cells.get("status")), null);
        Set<ConstraintViolation<ProfilePatchRequest>> violations = validator.validate(request);
        String id = cells.get("id");
        if (!violations.isEmpty() || !plain(username, 128) || (id != null && !plain(id, 128))) {
            List<String> problems = violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .sorted().collect(Collectors.toCollection(ArrayList::new));
            if (!plain(username, 128)) {
                problems.add(0, "username must be at most 128 characters without <, > or control characters");
            }
            if (id != null && !plain(id, 128)) {
                problems.add(0, "id must be at most 128 characters without <, > or control characters");
            }
            throw new InvalidRequestException(String.join("; ", problems));
        }
        return new ImportRow(line, id, username, request.toChange(), cells.get("manager"));
    }

    private static List<String[]> records(String text) {
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(text)) {
            List<String[]> records = new ArrayList<>();
            while (it.hasNextValue()) {
                records.add(it.nextValue());
                if (records.size() > MAX_ROWS + 1) {
                    throw new InvalidRequestException("the file has more than " + MAX_ROWS
                            + " rows; an import takes at most " + MAX_ROWS + ": split it");
                }
            }
            return records;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidRequestException invalid) {
                throw invalid;
            }
            throw new InvalidRequestException("the file is not valid CSV: " + e.getMessage().lines().findFirst()
                    .orElse("unreadable"));
        }
    }

    private static List<String> header(String[] first) {
        List<String> header = new ArrayList<>();
        Set<String> unknown = new TreeSet<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (String cell : first) {
            String column = BY_LOWER.get(cell.strip().toLowerCase(Locale.ROOT));
            if (column == null) {
                unknown.add(cell.strip());
            } else if (seen.put(column, header.size()) != null) {
                throw new InvalidRequestException("the header names " + column + " twice");
            }
            header.add(column);
        }
        if (!unknown.isEmpty()) {
            throw new InvalidRequestException("the header has unknown columns " + unknown + "; the columns are "
                    + String.join(", ", COLUMNS) + " (the first line must name them)");
        }
        if (!seen.containsKey("username")) {
            throw new InvalidRequestException("the header has no username column: it says who each row is");
        }
        return header;
    }

    private static String utf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(body);
        try {
            return decoder.decode(bytes).toString();
        } catch (CharacterCodingException e) {
            int line = 1;
            for (int i = 0; i < Math.min(bytes.position(), body.length); i++) {
                if (body[i] == '\n') {
                    line++;
                }
            }
            throw new InvalidRequestException("the file is not UTF-8 (a byte on line " + line + " is not); export "
                    + "it from the spreadsheet as \"CSV UTF-8\"");
        }
    }

    private static List<String> list(String cell) {
        return cell == null ? null : Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    private static LocalDate date(String cell) {
        try {
            return cell == null ? null : LocalDate.parse(cell);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("startDate " + cell + " is not a date such as 2020-01-06");
        }
    }

    private static Employee.Status status(String cell) {
        if (cell == null) {
            return null;
        }
        try {
            return Employee.Status.valueOf(cell.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status " + cell + " is neither ACTIVE nor LEFT");
        }
    }

    private static boolean plain(String text, int max) {
        return text.length() <= max && ProfileText.isPlain(text);
    }
}
