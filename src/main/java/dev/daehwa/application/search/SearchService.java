package dev.daehwa.application.search;

import dev.daehwa.domain.message.PlainText;
import dev.daehwa.domain.error.FieldRefusal;
import dev.daehwa.domain.error.InvalidInputException;
import dev.daehwa.domain.error.NotFoundException;
import dev.daehwa.domain.message.Message;
import dev.daehwa.domain.message.MessageRepository;
import dev.daehwa.domain.room.RoomRepository;
import dev.daehwa.domain.user.User;
import dev.daehwa.domain.user.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Searching the conversation as one member sees it. The rooms searched are the ones the searcher
 * belongs to at this moment, read from the database for every search: whoever is removed from a
 * room stops finding its messages with their next search. The engine finds ids; the messages
 * shown are read back from the database, so a result always says what the message says now.
 *
 * <p>Statements per search, whatever the number of rooms or results: the searcher's room ids and names, the
 * people named by {@code from:} and {@code mentions:} (when given, all in one), and the messages of the page.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class SearchService {

    @Inject
    private RoomRepository rooms;

    @Inject
    private UserRepository users;

    @Inject
    private MessageRepository messages;

    @Inject
    private SearchEngine engine;

    public SearchPage search(long userId, SearchRequest request) {
        if (request.limit() < 1 || request.limit() > SearchRequest.MAX_LIMIT) {
            throw InvalidInputException.of(FieldRefusal.SEARCH_LIMIT_OUT_OF_RANGE,
                    "limit must be between 1 and " + SearchRequest.MAX_LIMIT + ".");
        }
        SearchQuery query = SearchQueryParser.parse(request.query());
        Map<Long, String> roomNames = searchableRooms(userId, request.roomId(), query.inRooms());
        Map<String, Long> named = userIds(query);
        Set<Long> senders = idsOf(query.fromUsers(), named);
        Set<Long> mentioned = mentioned(userId, query, named);
        // like an unknown sender, a mentions: of nobody known finds nothing rather than everything
        if (roomNames.isEmpty() || !query.fromUsers().isEmpty() && senders.isEmpty()
                || query.hasMentions() && mentioned.isEmpty()) {
            return new SearchPage(List.of(), 0, null);
        }
        SearchCriteria criteria = new SearchCriteria(query.required(), query.excluded(), roomNames.keySet(), senders,
                mentioned, dayAfter(query.after(), request.zone()), startOf(query.before(), request.zone()),
                query.hasLink(), request.order(), request.limit(), request.cursor());
        SearchHits hits = engine.search(criteria);
        Map<Long, Message> byId = messages.findVisible(hits.messageIds()).stream()
                .collect(Collectors.toMap(Message::id, Function.identity()));
        List<FoundMessage> results = hits.messageIds().stream()
                .map(byId::get)
                .filter(Objects::nonNull) // deleted since the engine last heard of it
                .map(message -> new FoundMessage(message, message.roomId(), roomNames.get(message.roomId()),
                        engine.highlight(criteria, PlainText.of(message.content()))))
                .toList();
        return new SearchPage(results, hits.total(), hits.next());
    }

    /** Room ids and names the searcher may search, narrowed by the room parameter and in:. */
    private Map<Long, String> searchableRooms(long userId, Long roomId, List<String> inRooms) {
        Map<Long, String> names = new LinkedHashMap<>(rooms.roomNamesOf(userId));
        if (roomId != null) {
            String name = names.get(roomId);
            if (name == null) {
                throw NotFoundException.room();
            }
            names = new LinkedHashMap<>(Map.of(roomId, name));
        }
        if (!inRooms.isEmpty()) {
            Set<String> wanted = inRooms.stream().map(SearchService::nameKey).collect(Collectors.toSet());
            names.values().removeIf(name -> !wanted.contains(nameKey(name)));
        }
        return names;
    }

    private static String nameKey(String roomName) {
        return roomName.strip().toLowerCase(Locale.ROOT);
    }

    /** The ids of everyone {@code from:} and {@code mentions:} name, by username key, in one statement. */
    private Map<String, Long> userIds(SearchQuery query) {
        List<String> usernames = Stream.concat(query.fromUsers().stream(), query.mentioned().stream()).toList();
        return users.findByUsernames(usernames).stream()
                .collect(Collectors.toMap(user -> User.keyOf(user.username()), User::id));
    }

    /** Who {@code mentions:} asks for: the people named, and the searcher for {@code mentions:me}. */
    private static Set<Long> mentioned(long userId, SearchQuery query, Map<String, Long> named) {
        Set<Long> ids = new HashSet<>(idsOf(query.mentioned(), named));
        if (query.mentionsMe()) {
            ids.add(userId);
        }
        return ids;
    }

    private static Set<Long> idsOf(List<String> usernames, Map<String, Long> byKey) {
        return usernames.stream().map(User::keyOf).map(byKey::get).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    private static Instant dayAfter(LocalDate day, ZoneId zone) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
