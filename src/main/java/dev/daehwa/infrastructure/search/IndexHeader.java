package dev.daehwa.infrastructure.search;

/**
 * What every commit of a message index records, whichever backend holds it (the Lucene commit's
 * user data, or the OpenSearch {@code <name>-state} document): the format the index was built
 * in, the position up to which everything was applied, and whether that commit ended a full
 * catch-up or was made midway through one. The next boot reads it back to decide between
 * catching up from {@code through}, going on with an interrupted rebuild, or starting over.
 */
record IndexHeader(String format, IndexPosition through, boolean complete) {

    /**
     * Bump when the analysis ({@link ChatAnalyzer}) or the fields ({@link MessageFields}) change:
     * both backends share them, and older indexes are then rebuilt on boot.
     */
    static final String FORMAT = "3"; // 2 added MessageFields.MENTIONS, 3 indexes the plain text of Markdown

    /** The header of an index created empty: nothing applied yet, and no rebuild finished. */
    static final IndexHeader EMPTY = new IndexHeader(FORMAT, IndexPosition.BEGINNING, false);

    /** What a commit made now records. */
    static IndexHeader committedAt(IndexPosition through, boolean complete) {
        return new IndexHeader(FORMAT, through, complete);
    }

    /** Whether a stored format is the one this version builds; any other means a rebuild. */
    static boolean isCurrent(String format) {
        return FORMAT.equals(format);
    }
}
