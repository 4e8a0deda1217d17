package dev.daehwa.application.search;

/**
 * Where messages are indexed and searched. The embedded Lucene index is the single-node engine;
 * a clustered deployment needs one index shared by every node, which is another implementation
 * of this interface. Engines hold ids and terms only; the database stays the source of truth for
 * what a message says and who may see it.
 */
public interface SearchEngine {

    /** @throws dev.daehwa.domain.error.InvalidInputException for a cursor this engine did not issue */
    SearchHits search(SearchCriteria criteria);

    /**
     * The message text as safe HTML with the matching words in {@code <mark>}: escaped first,
     * so that {@code <mark>} is the only markup that can come out. Long texts are cut to the
     * best passages, joined by an ellipsis.
     */
    String highlight(SearchCriteria criteria, String text);
}
