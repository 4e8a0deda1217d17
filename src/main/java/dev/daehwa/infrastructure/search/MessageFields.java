package dev.daehwa.infrastructure.search;

import dev.daehwa.domain.message.PlainText;
import dev.daehwa.domain.message.LinkScanner;
import dev.daehwa.infrastructure.markdown.MessageRenderer;
import dev.daehwa.domain.message.MessageChange;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;

/**
 * What the index keeps of a message: ids and numbers to filter and sort by, and the analyzed
 * content. No text is stored; results are read back from the database, which stays the truth.
 */
final class MessageFields {

    /** The message id as a term, to replace or delete a message's document. */
    static final String ID = "id";
    /** The message id as a number, the last tiebreak of every sort (and how hits name messages). */
    static final String ID_ORDER = "id_order";
    static final String ROOM = "room";
    static final String SENDER = "sender";
    /** The ids of the people the message mentions, one value each, for mentions:. */
    static final String MENTIONS = "mentions";
    static final String SEQ = "seq";
    /** When the message was sent, in epoch milliseconds. */
    static final String TIME = "time";
    /** Flags such as {@code link}, for has:link. */
    static final String HAS = "has";
    static final String CONTENT = "content";

    static final String HAS_LINK = "link";

    private MessageFields() {
    }

    static Term idTerm(long messageId) {
        return new Term(ID, Long.toString(messageId));
    }

    static Document document(MessageChange message) {
        Document document = new Document();
        document.add(new StringField(ID, Long.toString(message.id()), Field.Store.NO));
        document.add(new NumericDocValuesField(ID_ORDER, message.id()));
        document.add(new LongField(ROOM, message.roomId(), Field.Store.NO));
        document.add(new LongField(SENDER, message.senderId(), Field.Store.NO));
        for (long mentioned : message.mentionedIds()) {
            document.add(new LongField(MENTIONS, mentioned, Field.Store.NO));
        }
        document.add(new LongField(SEQ, message.seq(), Field.Store.NO));
        document.add(new LongField(TIME, message.createdAt().toEpochMilli(), Field.Store.NO));
        if (LinkScanner.containsLink(message.content())) {
            document.add(new StringField(HAS, HAS_LINK, Field.Store.NO));
        }
        // The words as read, without Markdown: what highlights show (SearchService) is the same text.
        document.add(new TextField(CONTENT, PlainText.of(message.content()), Field.Store.NO));
        return document;
    }
}
