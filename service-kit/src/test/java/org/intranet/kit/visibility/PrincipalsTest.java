package org.intranet.kit.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The one visibility rule, once: every service's read path applies this (and has its own test that it does). */
class PrincipalsTest {
    /** u1 works in Sales in Paris and belongs to group g1. */
    private static final Principals U1 = Principals.of("u1", "Sales", "Paris", List.of("g1"));

    @Test
    void aReaderIsEveryoneThemselvesTheirDepartmentLocationAndGroups() {
        assertThat(U1.values()).containsExactlyInAnyOrder("all", "user:u1", "dept:Sales", "loc:Paris", "group:g1");
    }

    @Test
    void anUnknownDepartmentOrLocationAddsNoPrincipal() {
        Principals unknown = Principals.of("u2", null, " ", List.of());
        assertThat(unknown.values()).containsExactlyInAnyOrder("all", "user:u2");
        assertThat(unknown.canSee(List.of("dept:null", "dept:", "loc:"), "x")).isFalse();
    }

    @ParameterizedTest(name = "audience [{0}] by {1}: visible to u1 = {2}")
    @CsvSource(delimiter = ';', value = {
            "all;                   x;  true",
            "dept:Sales;            x;  true",
            "loc:Paris;             x;  true",
            "group:g1;              x;  true",
            "user:u1;               x;  true",
            "loc:Lyon,dept:Sales;   x;  true",
            "group:g1,dept:HR;      x;  true",
            "group:g2;              x;  false",
            "dept:Engineering;      x;  false",
            "loc:Lyon,dept:Legal;   x;  false",
            "user:u2;               x;  false",
            "dept:Sales EMEA;       x;  false",
            "group:g;               x;  false",
            "'';                    x;  false",
            "group:g2;              u1; true",
            "'';                    u1; true",
    })
    void theRule(String audience, String author, boolean visible) {
        List<String> principals = audience.isBlank() ? List.of() : Arrays.asList(audience.split(","));
        assertThat(U1.canSee(principals, author)).isEqualTo(visible);
    }

    @Test
    void aMissingAudienceIsVisibleToNobodyButTheAuthor() {
        assertThat(U1.canSee(null, "x")).isFalse();
        assertThat(U1.canSee(null, "u1")).isTrue();
    }

    @Test
    void inSqlTheRuleIsAnArrayOverlapOrTheAuthor() {
        Principals.SqlFilter filter = U1.sqlFilter("p.audience", "p.author_id");
        assertThat(filter.sql()).isEqualTo("(p.audience && ? OR p.author_id = ?)");
        assertThat((String[]) filter.params().get(0))
                .containsExactlyInAnyOrder("all", "user:u1", "dept:Sales", "loc:Paris", "group:g1");
        assertThat(filter.params().get(1)).isEqualTo("u1");
    }

    @Test
    @SuppressWarnings("unchecked")
    void inOpenSearchTheRuleIsATermsMatchOrTheAuthor() {
        Map<String, Object> bool = (Map<String, Object>) U1.openSearchFilter("audience", "authorId").get("bool");
        assertThat(bool.get("minimum_should_match")).isEqualTo(1);
        List<Map<String, Map<String, Object>>> should = (List<Map<String, Map<String, Object>>>) bool.get("should");
        assertThat((List<String>) should.get(0).get("terms").get("audience"))
                .containsExactlyInAnyOrder("all", "user:u1", "dept:Sales", "loc:Paris", "group:g1");
        assertThat(should.get(1).get("term").get("authorId")).isEqualTo("u1");
    }
}
