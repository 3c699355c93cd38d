package org.intranet.search.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.intranet.search.config.SearchConfig;
import org.intranet.search.domain.SearchUnavailableException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Index lifecycle: versioned indices ({@code people_v1}) behind aliases ({@code people}), created from the
 * definitions in {@code src/main/resources/search/}; atomic alias swaps for a rebuild.
 * The node runs with {@code action.auto_create_index=false}, so nothing exists until this class creates it.
 */
@ApplicationScoped
public class SearchIndices {
    private static final Logger LOG = Logger.getLogger(SearchIndices.class);

    private final OpenSearch openSearch;
    private final SearchConfig config;

    SearchIndices(OpenSearch openSearch, SearchConfig config) {
        this.openSearch = openSearch;
        this.config = config;
    }

    /**
     * Creates {@code <alias>_v1} with its alias when the alias is missing; otherwise adds fields the definition
     * gained since the index was created (additive mapping changes need no reindex; others are logged).
     */
    public void ensure(SearchIndex index) {
        Optional<String> current = current(index);
        if (current.isPresent()) {
            addNewFields(index, current.get());
            live(current.get());
            return;
        }
        String first = index.versioned(1);
        ObjectNode definition = definition(index);
        definition.putObject("aliases").putObject(index.alias());
        OpenSearch.Reply reply = openSearch.send("PUT", "/" + first, definition, 400);
        if (reply.ok()) {
            LOG.infof("created index %s behind alias %s", first, index.alias());
            return;
        }
        if (!"resource_already_exists_exception".equals(reply.body().path("error").path("type").asText())) {
            throw new SearchUnavailableException("could not create " + first + ": "
                    + reply.body().path("error").path("reason").asText());
        }
        // another replica created it first, or an earlier start died between creating and aliasing
        if (current(index).isEmpty()) {
            addAlias(index, first);
        }
    }

    /** The concrete index behind the alias, if the alias exists. */
    public Optional<String> current(SearchIndex index) {
        OpenSearch.Reply reply = openSearch.send("GET", "/_alias/" + index.alias(), null, 404);
        if (reply.status() == 404) {
            return Optional.empty();
        }
        Iterator<String> names = reply.body().fieldNames();
        if (!names.hasNext()) {
            return Optional.empty();
        }
        String name = names.next();
        if (names.hasNext()) {
            throw new SearchUnavailableException("alias " + index.alias() + " points at more than one index");
        }
        return Optional.of(name);
    }

    public String requireCurrent(SearchIndex index) {
        return current(index).orElseThrow(() -> new SearchUnavailableException("alias " + index.alias()
                + " does not exist yet"));
    }

    public boolean exists(String concreteIndex) {
        return openSearch.send("HEAD", "/" + concreteIndex, null, 404).status() == 200;
    }

    /** Creates a versioned index without alias (the target of a reindex). */
    public void create(SearchIndex index, String concreteIndex) {
        openSearch.send("PUT", "/" + concreteIndex, definition(index));
    }

    public void delete(String concreteIndex) {
        openSearch.send("DELETE", "/" + concreteIndex, null, 404);
    }

    public void refresh(String indexOrAlias) {
        openSearch.send("POST", "/" + indexOrAlias + "/_refresh", null);
    }

    public long count(String indexOrAlias) {
        return openSearch.send("GET", "/" + indexOrAlias + "/_count", null).body().path("count").asLong();
    }

    /**
     * Moves every alias to its new index in one cluster-state update: readers and writers never see an alias with
     * zero or two indices, nor one alias moved without the others.
     *
     * @param moves alias → {from, to}
     */
    public void swapAliases(Map<SearchIndex, String[]> moves) {
        ObjectNode body = openSearch.json().createObjectNode();
        var actions = body.putArray("actions");
        moves.forEach((index, fromTo) -> {
            actions.addObject().putObject("remove").put("index", fromTo[0]).put("alias", index.alias());
            actions.addObject().putObject("add").put("index", fromTo[1]).put("alias", index.alias());
        });
        openSearch.send("POST", "/_aliases", body);
    }

    /** While a rebuild loads an index: no refreshes until it is done. */
    public void loading(String concreteIndex) {
        refreshInterval(concreteIndex, "-1");
    }

    /** An index people search: refreshed every {@code intranet.search.refresh-interval}. */
    public void live(String concreteIndex) {
        refreshInterval(concreteIndex, config.refreshInterval().toMillis() + "ms");
    }

    private void refreshInterval(String concreteIndex, String interval) {
        ObjectNode body = openSearch.json().createObjectNode();
        body.putObject("index").put("refresh_interval", interval);
        openSearch.send("PUT", "/" + concreteIndex + "/_settings", body);
    }

    ObjectNode definition(SearchIndex index) {
        ObjectNode definition = load(index);
        ObjectNode settings = (ObjectNode) definition.path("settings");
        settings.put("number_of_shards", config.indexShards());
        settings.put("number_of_replicas", config.indexReplicas());
        settings.put("refresh_interval", config.refreshInterval().toMillis() + "ms");
        return definition;
    }

    private void addAlias(SearchIndex index, String concreteIndex) {
        ObjectNode body = openSearch.json().createObjectNode();
        body.putArray("actions").addObject().putObject("add").put("index", concreteIndex).put("alias", index.alias());
        openSearch.send("POST", "/_aliases", body);
        LOG.infof("aliased existing index %s as %s", concreteIndex, index.alias());
    }

    private void addNewFields(SearchIndex index, String concreteIndex) {
        ObjectNode mappings = (ObjectNode) load(index).path("mappings");
        OpenSearch.Reply reply = openSearch.send("PUT", "/" + concreteIndex + "/_mapping", mappings, 400);
        if (!reply.ok()) {
            LOG.warnf("index %s does not accept the current mapping of %s (%s): run POST /api/admin/search/reindex",
                    concreteIndex, index.alias(), reply.body().path("error").path("reason").asText());
        }
    }

    private ObjectNode load(SearchIndex index) {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream(index.definitionResource())) {
            if (in == null) {
                throw new IllegalStateException(index.definitionResource() + " is missing from the class path");
            }
            return (ObjectNode) openSearch.json().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
