package dev.daehwa.infrastructure.search;

import dev.daehwa.application.search.SearchEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one search engine of this node: OpenSearch when {@code DAEHWA_SEARCH_URL} is set (the
 * same choice {@link SearchIndexer} makes for where it writes), else the embedded Lucene index.
 */
@Dependent
public class SearchEngineChoice {

    @Inject
    @ConfigProperty(name = "DAEHWA_SEARCH_URL")
    private Optional<String> searchUrl;

    @Produces
    @ApplicationScoped
    SearchEngine engine(LuceneSearchEngine embedded, OpenSearchSearchEngine openSearch) {
        return searchUrl.filter(url -> !url.isBlank()).isPresent() ? openSearch : embedded;
    }
}
