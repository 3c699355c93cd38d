package org.intranet.profile.store;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.node.ValueNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.exceptions.BadRequestException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.filters.AndFilter;
import com.unboundid.scim2.common.filters.ComparisonFilter;
import com.unboundid.scim2.common.filters.ComplexValueFilter;
import com.unboundid.scim2.common.filters.ContainsFilter;
import com.unboundid.scim2.common.filters.EndsWithFilter;
import com.unboundid.scim2.common.filters.EqualFilter;
import com.unboundid.scim2.common.filters.Filter;
import com.unboundid.scim2.common.filters.FilterType;
import com.unboundid.scim2.common.filters.FilterVisitor;
import com.unboundid.scim2.common.filters.GreaterThanFilter;
import com.unboundid.scim2.common.filters.GreaterThanOrEqualFilter;
import com.unboundid.scim2.common.filters.LessThanFilter;
import com.unboundid.scim2.common.filters.LessThanOrEqualFilter;
import com.unboundid.scim2.common.filters.NotEqualFilter;
import com.unboundid.scim2.common.filters.NotFilter;
import com.unboundid.scim2.common.filters.OrFilter;
import com.unboundid.scim2.common.filters.PresentFilter;
import com.unboundid.scim2.common.filters.StartsWithFilter;

/**
 * A SCIM filter (parsed by the SDK) as one SQL condition with its parameters, over the attributes a resource maps to
 * columns. Text compares case-insensitively unless the attribute is case-exact (ids), as RFC 7643 §2.2 says; a
 * filter on an attribute we do not store, or a value of the wrong type, is a 400 {@code invalidFilter}.
 */
final class ScimFilterSql implements FilterVisitor<String, String> {
    enum Kind { TEXT, EXACT, BOOLEAN, TIME, MEMBER }

    /** Where an attribute lives: a SQL expression ({@code ?} for the value of a MEMBER test) and how it compares. */
    record Column(String sql, Kind kind) {
    }

    private final Map<String, Column> columns;
    private final String coreSchema;
    private final List<Object> params = new ArrayList<>();

    /** @param columns by attribute path in lower case ({@code name.givenname}, {@code urn:…:user:department}) */
    private ScimFilterSql(Map<String, Column> columns, String coreSchema) {
        this.columns = columns;
        this.coreSchema = coreSchema.toLowerCase(Locale.ROOT);
    }

    /** The condition and its parameters, in order. */
    record Condition(String sql, List<Object> params) {
    }

    static Condition of(Filter filter, Map<String, Column> columns, String coreSchema) throws ScimException {
        ScimFilterSql visitor = new ScimFilterSql(columns, coreSchema);
        String sql = filter.visit(visitor, "");
        return new Condition(sql, visitor.params);
    }

    @Override
    public String visit(EqualFilter filter, String scope) throws ScimException {
        return compare(filter, scope);
    }

    @Override
    public String visit(NotEqualFilter filter, String scope) throws ScimException {
        return compare(filter, scope);
    }

    @Override
    public String visit(ContainsFilter filter, String scope) throws ScimException {
        return compare(filter, scope);
    }

    @Override
    public String visit(StartsWithFilter filter, String scope) throws ScimException {
        return compare(filter, scope);
    }

    @Override
    public String visit(EndsWithFilter filter, String scope) throws ScimException {
        return compare(filter, scope);
    }

    @Override
    public String visit(GreaterThanFilter filter, String scope) throws ScimException {
        return compare(filter, scope);
    }

    @Override
    public String visit(GreaterThanOrEqualFilter filter, String scope) throws ScimException {
        return compare(filter, scope);
    }

    @Override
    public String visit(LessThanFilter filter, String scope) throws ScimException {
        return compare(filter, scope);
    }

    @Override
    public String visit(LessThanOrEqualFilter filter, String scope) throws ScimException {
        return compare(filter, scope);
    }

    @Override
    public String visit(PresentFilter filter, String scope) throws ScimException {
        String inner = valueFilterOf(filter.getAttributePath(), scope);
        Column column = column(filter.getAttributePath(), scope);
        String present = switch (column.kind()) {
            case TEXT, EXACT -> "(" + column.sql() + " IS NOT NULL AND " + column.sql() + " <> '')";
            case MEMBER -> column.sql().replace("= ?", "IS NOT NULL");
            default -> column.sql() + " IS NOT NULL";
        };
        return inner == null ? present : "(" + inner + " AND " + present + ")";
    }

    @Override
    public String visit(AndFilter filter, String scope) throws ScimException {
        return combine(filter.getCombinedFilters(), " AND ", scope);
    }

    @Override
    public String visit(OrFilter filter, String scope) throws ScimException {
        return combine(filter.getCombinedFilters(), " OR ", scope);
    }

    /** SQL's NOT of an unknown (a null column) is unknown; SCIM's is true: "not (title eq x)" matches no title. */
    @Override
    public String visit(NotFilter filter, String scope) throws ScimException {
        return "NOT COALESCE(" + filter.getInvertedFilter().visit(this, scope) + ", false)";
    }

    /** {@code emails[type eq "work"]}: the inner filter over the sub-attributes of that value. */
    @Override
    public String visit(ComplexValueFilter filter, String scope) throws ScimException {
        return filter.getValueFilter().visit(this, scope + name(filter.getAttributePath()) + ".");
    }

    private String combine(List<Filter> filters, String operator, String scope) throws ScimException {
        List<String> parts = new ArrayList<>();
        for (Filter part : filters) {
            parts.add(part.visit(this, scope));
        }
        return "(" + String.join(operator, parts) + ")";
    }

    private String compare(ComparisonFilter filter, String scope) throws ScimException {
        String inner = valueFilterOf(filter.getAttributePath(), scope);
        Column column = column(filter.getAttributePath(), scope);
        ValueNode value = filter.getComparisonValue();
        String test = value == null || value.isNull() ? nullTest(filter, column) : test(filter, column, value);
        return inner == null ? test : "(" + inner + " AND " + test + ")";
    }

    /** {@code emails[type eq "work"].value eq "x"}: the value filter of the path's element, when it has one. */
    private String valueFilterOf(Path path, String scope) throws ScimException {
        for (int i = 0; i < path.size(); i++) {
            Filter valueFilter = path.getElement(i).getValueFilter();
            if (valueFilter != null) {
                return valueFilter.visit(this, scope + path.getElement(i).getAttribute() + ".");
            }
        }
        return null;
    }

    private String nullTest(ComparisonFilter filter, Column column) throws ScimException {
        if (column.kind() == Kind.MEMBER) {
            throw BadRequestException.invalidFilter(filter + ": members are matched with value eq \"<id>\"");
        }
        return switch (filter.getFilterType()) {
            case EQUAL -> column.sql() + " IS NULL";
            case NOT_EQUAL -> column.sql() + " IS NOT NULL";
            default -> throw BadRequestException.invalidFilter(filter + ": only eq and ne compare with null");
        };
    }

    private String test(ComparisonFilter filter, Column column, ValueNode value) throws ScimException {
        FilterType type = filter.getFilterType();
        return switch (column.kind()) {
            case TEXT -> text(type, "lower(" + column.sql() + ")", text(filter, value), true);
            case EXACT -> text(type, column.sql(), text(filter, value), false);
            case BOOLEAN -> {
                boolean flag = bool(filter, value);
                if (type != FilterType.EQUAL && type != FilterType.NOT_EQUAL) {
                    throw BadRequestException.invalidFilter(filter + ": a boolean compares with eq or ne");
                }
                params.add(flag);
                yield column.sql() + (type == FilterType.EQUAL ? " = ?" : " IS DISTINCT FROM ?");
            }
            case TIME -> {
                params.add(time(filter, value));
                yield column.sql() + " " + order(filter, type) + " ?";
            }
            case MEMBER -> {
                if (type != FilterType.EQUAL) {
                    throw BadRequestException.invalidFilter(filter + ": members are matched with eq");
                }
                params.add(text(filter, value));
                yield column.sql();
            }
        };
    }

    /**
     * A text comparison. Without case, both sides go through PostgreSQL's {@code lower()}, so they fold alike; LIKE
     * metacharacters in the value are escaped (escaping is unchanged by folding).
     */
    private String text(FilterType type, String sql, String value, boolean ignoreCase) {
        String like = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        switch (type) {
            case CONTAINS -> params.add("%" + like + "%");
            case STARTS_WITH -> params.add(like + "%");
            case ENDS_WITH -> params.add("%" + like);
            default -> params.add(value);
        }
        String param = ignoreCase ? "lower(?)" : "?";
        return switch (type) {
            case EQUAL -> sql + " = " + param;
            case NOT_EQUAL -> sql + " IS DISTINCT FROM " + param;
            case CONTAINS, STARTS_WITH, ENDS_WITH -> sql + " LIKE " + param + " ESCAPE '\\'";
            case GREATER_THAN -> sql + " > " + param;
            case GREATER_OR_EQUAL -> sql + " >= " + param;
            case LESS_THAN -> sql + " < " + param;
            default -> sql + " <= " + param;
        };
    }

    private static String order(ComparisonFilter filter, FilterType type) throws ScimException {
        return switch (type) {
            case EQUAL -> "=";
            case NOT_EQUAL -> "IS DISTINCT FROM";
            case GREATER_THAN -> ">";
            case GREATER_OR_EQUAL -> ">=";
            case LESS_THAN -> "<";
            case LESS_OR_EQUAL -> "<=";
            default -> throw BadRequestException.invalidFilter(filter + ": a date compares with eq, ne, gt, ge, lt "
                    + "or le");
        };
    }

    private static String text(ComparisonFilter filter, ValueNode value) throws ScimException {
        if (!value.isTextual()) {
            throw BadRequestException.invalidFilter(filter + ": compare " + filter.getAttributePath()
                    + " with a quoted string");
        }
        return value.textValue();
    }

    /** {@code true}, or the text {@code "True"} some clients send. */
    private static boolean bool(ComparisonFilter filter, ValueNode value) throws ScimException {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.textValue().equalsIgnoreCase("true")
                || value.textValue().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(value.textValue().toLowerCase(Locale.ROOT));
        }
        throw BadRequestException.invalidFilter(filter + ": compare " + filter.getAttributePath()
                + " with true or false");
    }

    private static Instant time(ComparisonFilter filter, ValueNode value) throws ScimException {
        try {
            return Instant.parse(text(filter, value));
        } catch (DateTimeParseException e) {
            throw BadRequestException.invalidFilter(filter + ": a date is written like 2026-11-30T09:00:00Z");
        }
    }

    private Column column(Path path, String scope) throws ScimException {
        String name = scope + name(path);
        Column column = columns.get(name);
        if (column == null) {
            throw BadRequestException.invalidFilter("cannot filter on " + path + "; the attributes are "
                    + new TreeSet<>(columns.keySet().stream().filter(k -> !k.contains("[")).toList()));
        }
        return column;
    }

    /** The path as a lower-case key, without the core schema's URN and without value filters. */
    private String name(Path path) {
        String urn = path.getSchemaUrn() == null ? null : path.getSchemaUrn().toLowerCase(Locale.ROOT);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            parts.add(path.getElement(i).getAttribute().toLowerCase(Locale.ROOT));
        }
        String attribute = String.join(".", parts);
        return urn == null || urn.equals(coreSchema) ? attribute : urn + ":" + attribute;
    }
}
