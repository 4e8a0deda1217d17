package dev.daehwa.interfaces.web.search;

import dev.daehwa.application.search.FoundMessage;
import dev.daehwa.application.search.SearchOrder;
import dev.daehwa.application.search.SearchPage;
import dev.daehwa.application.search.SearchRequest;
import dev.daehwa.application.search.SearchService;
import dev.daehwa.domain.error.DomainException;
import dev.daehwa.domain.error.NotFoundException;
import dev.daehwa.interfaces.web.RoomAddressFilter;
import dev.daehwa.interfaces.web.support.Pages;
import dev.daehwa.interfaces.web.support.Viewer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.omnifaces.cdi.Param;

/**
 * The search page, /search.xhtml?q=…: the same search as {@code GET /api/search}, rendered on the
 * server from plain GET parameters, so a search has an address. A refused search (an unclosed
 * quote, a bad date) is explained on the page in the reader's language.
 */
@Named
@RequestScoped
public class SearchBacking {

    @Inject
    @Param(name = "q")
    private String query;

    @Inject
    @Param(name = "room")
    private String room;

    @Inject
    @Param(name = "before")
    private String before;

    @Inject
    @Param(name = "order")
    private String order;

    @Inject
    @Param(name = "tz")
    private String zone;

    @Inject
    private SearchService search;

    @Inject
    private Viewer viewer;

    private SearchPage page;
    private String refusal;
    private Long roomId;

    /** The page's viewAction. No query yet: an empty page with the search box. */
    public void load() {
        if (query == null || query.isBlank()) {
            return;
        }
        roomId = RoomAddressFilter.parseId(room);
        try {
            page = search.search(viewer.getId(), new SearchRequest(query, roomId, SearchRequest.DEFAULT_LIMIT, before,
                    SearchOrder.of(order), SearchRequest.zone(zone)));
        } catch (NotFoundException e) {
            Pages.notFound();
        } catch (DomainException e) {
            refusal = Pages.explain(e);
        }
    }

    public String getQuery() {
        return query == null ? "" : query;
    }

    public boolean isSearched() {
        return page != null;
    }

    public List<FoundMessage> getResults() {
        return page == null ? List.of() : page.results();
    }

    public long getTotal() {
        return page == null ? 0 : page.total();
    }

    public String getRefusal() {
        return refusal;
    }

    public boolean isRecent() {
        return "recent".equalsIgnoreCase(order);
    }

    public Long getRoomId() {
        return roomId;
    }

    /** The name of the room searched, when the search was limited to one and found something in it. */
    public String getRoomName() {
        return roomId == null || getResults().isEmpty() ? null : getResults().getFirst().roomName();
    }

    /** Where the next page is, or null on the last. */
    public String getMoreLink() {
        return page == null || page.next() == null ? null : link(roomId, isRecent() ? "recent" : null, page.next());
    }

    /** This search in the other order. */
    public String getOtherOrderLink() {
        return link(roomId, isRecent() ? null : "recent", null);
    }

    /** This search across all my rooms. */
    public String getEverywhereLink() {
        return link(null, null, null);
    }

    /** This search's address, in {@code room} (or all rooms), {@code sort} order, from {@code cursor}. */
    private String link(Long room, String sort, String cursor) {
        StringBuilder link = new StringBuilder("search.xhtml?q=").append(encode(getQuery()));
        if (room != null) {
            link.append("&room=").append(room);
        }
        if (zone != null && !zone.isBlank()) {
            link.append("&tz=").append(encode(zone));
        }
        if (sort != null) {
            link.append("&order=").append(sort);
        }
        if (cursor != null) {
            link.append("&before=").append(encode(cursor));
        }
        return link.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
