package dev.daehwa.infrastructure.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanReadingFormFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer;
import org.apache.lucene.analysis.ko.POS;
import org.apache.lucene.analysis.ko.dict.UserDictionary;

/**
 * How message text becomes search terms, for Korean, English and both mixed in one message.
 *
 * <p>Korean goes through nori's morphological analysis so that the words people search for are
 * the terms in the index:
 * <ul>
 *   <li>Particles (조사: 은/는/이/가/을/를/에서/으로/…) and verb endings (어미) are parts of speech
 *       of their own, and are dropped: {@code 서울에서} and {@code 서울은} both index {@code 서울},
 *       {@code 회의를} indexes {@code 회의}, {@code 만났어요} indexes the stem {@code 만나}.</li>
 *   <li>Compound nouns are split into their parts and the compound itself is not kept
 *       ({@link KoreanTokenizer.DecompoundMode#DISCARD}). {@code 회의실} indexes {@code 회의} and
 *       {@code 실}, so {@code 회의} finds it, and a search for {@code 회의실} or {@code 회의 실} becomes
 *       the phrase of the two parts, which finds both spellings. MIXED would also keep the compound,
 *       but then the index holds a token graph that Lucene flattens, and phrase positions (which
 *       the spacing variants rely on) stop lining up.</li>
 *   <li>A small user dictionary ({@code userdict_ko.txt}) makes time words such as 오늘 and 내일
 *       nouns: nori tags them as adverbs inside sentences, and adverbs are dropped.</li>
 *   <li>Hanja is read as Hangul, and full-width Latin is folded to normal width.</li>
 * </ul>
 * The holes the dropped parts leave are closed ({@link ClosePositionGaps}), so the phrase
 * {@code "서울 추워요"} finds {@code 서울은 추워요}.
 *
 * <p>Latin text is lower-cased and stemmed lightly (plural and possessive only): {@code meetings}
 * finds {@code meeting}, but {@code general} does not become {@code gener} and find {@code generous}.
 *
 * <p>Long runs of punctuation are broken up before nori sees them ({@link BreakLongSymbolRuns}),
 * which keeps its cost per character the same for any text.
 *
 * <p>The same analyzer runs at index and query time, and to highlight results.
 */
public final class ChatAnalyzer extends Analyzer {

    /**
     * Nori's default stop tags (particles, endings, suffixes, punctuation, interjections, adverbs
     * and determiners) plus the copula (이다) and auxiliary verbs (하고 <em>있다</em>, 해 <em>주다</em>),
     * which would otherwise match nearly every sentence.
     */
    static final Set<POS.Tag> STOP_TAGS;

    static {
        Set<POS.Tag> tags = new HashSet<>(KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS);
        tags.add(POS.Tag.VCP);
        tags.add(POS.Tag.VX);
        STOP_TAGS = Set.copyOf(tags);
    }

    /** A few words nori's own dictionary tags in a way that hides them from search: see the file. */
    private static final UserDictionary USER_DICTIONARY = userDictionary();

    private static UserDictionary userDictionary() {
        try (InputStream in = ChatAnalyzer.class.getResourceAsStream("userdict_ko.txt");
             Reader reader = new InputStreamReader(Objects.requireNonNull(in, "userdict_ko.txt"), StandardCharsets.UTF_8)) {
            return UserDictionary.open(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        KoreanTokenizer tokenizer = new KoreanTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, USER_DICTIONARY,
                KoreanTokenizer.DecompoundMode.DISCARD, false, true);
        TokenStream stream = new KoreanPartOfSpeechStopFilter(tokenizer, STOP_TAGS);
        stream = new ClosePositionGaps(stream);
        stream = new KoreanReadingFormFilter(stream);
        stream = new LowerCaseFilter(stream);
        stream = new EnglishPossessiveFilter(stream);
        stream = new EnglishMinimalStemFilter(stream);
        return new TokenStreamComponents(tokenizer, stream);
    }

    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return new BreakLongSymbolRuns(new CJKWidthCharFilter(reader));
    }

    /**
     * Makes nori load its dictionaries (tens of megabytes), which it otherwise does on first use:
     * done at boot, the first message sent is not the one that waits a second to become searchable.
     */
    void loadDictionaries() throws IOException {
        try (TokenStream tokens = tokenStream(MessageFields.CONTENT, "서울에서 회의를 합시다")) {
            tokens.reset();
            while (tokens.incrementToken()) {
                // only the loading matters
            }
            tokens.end();
        }
    }
}
