package dev.daehwa.application.search;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Searching the conversation as one member sees it. The rooms searched are the ones the searcher
 * belongs to at this moment, read from the database for every search: whoever is removed from a
 * room stops finding its messages with their next search. The engine finds ids; the messages
 * shown are read back from the database, so a result always says what the message says now.
 *
 * <p>Statements per search, whatever the number of rooms or results: the searcher's room ids and names, the
 * senders of {@code from:} (when given), and the messages of the page.
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
        Set<Long> senders = senders(query.fromUsers());
        if (roomNames.isEmpty() || !query.fromUsers().isEmpty() && senders.isEmpty()) {
            return new SearchPage(List.of(), 0, null);
        }
        SearchCriteria criteria = new SearchCriteria(query.required(), query.excluded(), roomNames.keySet(), senders,
                dayAfter(query.after(), request.zone()), startOf(query.before(), request.zone()), query.hasLink(),
                request.order(), request.limit(), request.cursor());
        SearchHits hits = engine.search(criteria);
        Map<Long, Message> byId = messages.findVisible(hits.messageIds()).stream()
                .collect(Collectors.toMap(Message::id, Function.identity()));
        List<FoundMessage> results = hits.messageIds().stream()
                .map(byId::get)
                .filter(Objects::nonNull) // deleted since the engine last heard of it
                .map(message -> new FoundMessage(message, message.roomId(), roomNames.get(message.roomId()),
                        engine.highlight(criteria, message.content())))
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

    private Set<Long> senders(List<String> usernames) {
        return users.findByUsernames(usernames).stream().map(User::id).collect(Collectors.toSet());
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    private static Instant dayAfter(LocalDate day, ZoneId zone) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
