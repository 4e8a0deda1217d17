package dev.daehwa.infrastructure.search;

import dev.daehwa.application.search.SearchEngine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where this node's search index lives, decided once at boot: an OpenSearch index when
 * {@code DAEHWA_SEARCH_URL} is set, else the embedded Lucene index under
 * {@code DAEHWA_DATA_DIR/search}. {@link SearchIndexer} writes to the index opened here and the
 * {@link SearchEngine} produced here reads it, so the two can never disagree about where it is.
 */
@ApplicationScoped
public class SearchBackend {

    @Inject
    @ConfigProperty(name = "DAEHWA_DATA_DIR", defaultValue = "data")
    private String dataDir;

    /**
     * An OpenSearch server (such as {@code http://opensearch:9200}) that holds the index instead
     * of {@code DAEHWA_DATA_DIR}: the choice of a cluster, whose nodes then share one index. Blank
     * means unset, so a node can be given the embedded index in an environment that sets it.
     */
    @Inject
    @ConfigProperty(name = "DAEHWA_SEARCH_URL")
    private Optional<String> searchUrl;

    /** The OpenSearch index's name; its position is kept in {@code <name>-state}. */
    @Inject
    @ConfigProperty(name = "DAEHWA_SEARCH_INDEX", defaultValue = "daehwa-messages")
    private String searchIndexName;

    /** The OpenSearch server's address, or null for the embedded index. */
    private String openSearchUrl;

    @PostConstruct
    void choose() {
        openSearchUrl = searchUrl.filter(url -> !url.isBlank()).orElse(null);
    }

    /** Whether the index is on an OpenSearch server, which may come up after this node does. */
    boolean openSearch() {
        return openSearchUrl != null;
    }

    /** Opens the chosen index, creating it empty (and so asking for a rebuild) when it is unusable. */
    MessageIndex open(ChatAnalyzer analyzer) throws IOException {
        return openSearch()
                ? OpenSearchIndex.open(OpenSearchConnection.to(openSearchUrl), searchIndexName, analyzer)
                : LuceneIndex.open(Path.of(dataDir).toAbsolutePath().normalize().resolve("search"), analyzer);
    }

    /** Where the index is, for /health and the log: the server without its credentials, or the data folder. */
    String location() {
        return openSearch() ? openSearchUrl.replaceAll("//[^@/]*@", "//") : dataDir;
    }

    @Produces
    @ApplicationScoped
    SearchEngine engine(LuceneSearchEngine embedded, OpenSearchSearchEngine openSearch) {
        return openSearch() ? openSearch : embedded;
    }
}
