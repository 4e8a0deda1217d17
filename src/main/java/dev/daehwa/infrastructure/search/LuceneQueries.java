package dev.daehwa.infrastructure.search;

import dev.daehwa.application.search.SearchCriteria;
import dev.daehwa.application.search.SearchOrder;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;

/**
 * Turns search criteria into a Lucene query and sort. Each word or quoted phrase becomes the
 * phrase of its analyzed terms ({@link QueryTerms}), so {@code 회의실} (which nori splits into 회의 + 실) finds
 * {@code 회의실} and {@code 회의 실} but not a message that merely has both somewhere. A word that
 * analyzes to nothing (a lone particle such as {@code 은}) asks for nothing and is left out.
 *
 * <p>The filters (rooms, senders, mentioned people, time, has:link) are FILTER clauses: they narrow what is counted
 * and paged without touching relevance.
 */
final class LuceneQueries {

    private final QueryTerms queryTerms;

    LuceneQueries(Analyzer analyzer) {
        this.queryTerms = new QueryTerms(analyzer);
    }

    /** The query for the words alone (what highlighting marks), or null when no word has a term. */
    Query words(List<String> texts) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        boolean any = false;
        for (String text : texts) {
            Query phrase = phrase(text);
            if (phrase != null) {
                words.add(phrase, Occur.MUST);
                any = true;
            }
        }
        return any ? words.build() : null;
    }

    Query query(SearchCriteria criteria) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        Query words = words(criteria.required());
        if (words != null) {
            query.add(words, Occur.MUST);
        } else if (!criteria.required().isEmpty()) {
            return new MatchNoDocsQuery("every word analyzed to nothing");
        } else {
            query.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        for (String text : criteria.excluded()) {
            Query phrase = phrase(text);
            if (phrase != null) {
                query.add(phrase, Occur.MUST_NOT);
            }
        }
        query.add(LongField.newSetQuery(MessageFields.ROOM, longs(criteria.roomIds())), Occur.FILTER);
        if (!criteria.senderIds().isEmpty()) {
            query.add(LongField.newSetQuery(MessageFields.SENDER, longs(criteria.senderIds())), Occur.FILTER);
        }
        if (!criteria.mentionedIds().isEmpty()) {
            query.add(LongField.newSetQuery(MessageFields.MENTIONS, longs(criteria.mentionedIds())), Occur.FILTER);
        }
        if (criteria.sentFrom() != null || criteria.sentUntil() != null) {
            long from = criteria.sentFrom() == null ? Long.MIN_VALUE : criteria.sentFrom().toEpochMilli();
            long until = criteria.sentUntil() == null ? Long.MAX_VALUE : criteria.sentUntil().toEpochMilli() - 1;
            query.add(LongField.newRangeQuery(MessageFields.TIME, from, until), Occur.FILTER);
        }
        if (criteria.hasLink()) {
            query.add(new TermQuery(new Term(MessageFields.HAS, MessageFields.HAS_LINK)), Occur.FILTER);
        }
        return query.build();
    }

    /** The terms of a word or phrase, in order, as one query (a term query for a single term). */
    private Query phrase(String text) {
        List<QueryTerms.Term> terms = queryTerms.of(text);
        if (terms.isEmpty()) {
            return null;
        }
        if (terms.size() == 1) {
            return new TermQuery(new Term(MessageFields.CONTENT, terms.getFirst().text()));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        terms.forEach(term -> phrase.add(new Term(MessageFields.CONTENT, term.text()), term.position()));
        return phrase.build();
    }

    /** Relevance, then newer first; or newer first. The message id breaks every remaining tie. */
    static Sort sort(SearchOrder order) {
        SortField newest = new SortedNumericSortField(MessageFields.TIME, SortField.Type.LONG, true);
        SortField id = new SortField(MessageFields.ID_ORDER, SortField.Type.LONG, true);
        return order == SearchOrder.RECENT ? new Sort(newest, id) : new Sort(SortField.FIELD_SCORE, newest, id);
    }

    private static long[] longs(Set<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
