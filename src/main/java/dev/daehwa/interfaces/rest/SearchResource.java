package dev.daehwa.interfaces.rest;

import dev.daehwa.application.messages.MessageDetailsReader;
import dev.daehwa.application.search.FoundMessage;
import dev.daehwa.application.search.SearchOrder;
import dev.daehwa.application.search.SearchPage;
import dev.daehwa.application.search.SearchRequest;
import dev.daehwa.application.search.SearchService;
import dev.daehwa.infrastructure.auth.CurrentCaller;
import dev.daehwa.interfaces.rest.json.Representations;
import dev.daehwa.interfaces.rest.json.SearchPageJson;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("search")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search")
public class SearchResource {

    @Inject
    private SearchService search;

    @Inject
    private Representations representations;

    @Inject
    private CurrentCaller caller;

    @Inject
    private MessageDetailsReader details;

    @GET
    @Operation(summary = "Search the messages of my rooms, in Korean and English",
            description = """
                    Finds messages in the rooms I am a member of now, and nowhere else. Korean is
                    analyzed by morphemes, so 서울 finds 서울에서 and 서울은, and 회의 finds 회의를.

                    Query language (q):
                    - words: all must match (회의 자료)
                    - "exact phrase": the words in this order ("release notes")
                    - -word or -"phrase": must not match
                    - from:username: sent by that person (several from: mean any of them)
                    - mentions:me or mentions:username: mentions me / that person (several
                      mentions: mean any of them); an unknown username finds nothing
                    - in:roomname or in:"room name": in that room, by name, ignoring case
                    - before:YYYY-MM-DD and after:YYYY-MM-DD: sent before that day began / after it
                      ended, in the time zone tz (default UTC)
                    - has:link: contains an http(s) link

                    results[].highlight is the message text, HTML-escaped, with the matches in
                    <mark>; it contains no other markup. Results come best match first (newer
                    first among equals), or newest first with order=recent. total counts every
                    match; pass next as before for the following page. A malformed query is a 400
                    problem that says what is wrong. A 503 problem with Retry-After means search
                    is starting or its server is briefly out of reach: ask again after that many
                    seconds. A 503 without Retry-After means search is turned off on this server.""")
    public SearchPageJson search(
            @QueryParam("q") @Parameter(description = "the search, in the query language above") String q,
            @QueryParam("room") @Parameter(description = "only this room (404 unless I am a member)") String room,
            @QueryParam("limit") @Parameter(description = "results per page, 1-50, default 20") String limit,
            @QueryParam("before") @Parameter(description = "the next of the previous page") String before,
            @QueryParam("order") @Parameter(description = "relevance (default) or recent") String order,
            @QueryParam("tz") @Parameter(description = "IANA time zone for before: and after:, default UTC") String tz) {
        long userId = caller.requireUserId();
        Integer size = QueryParameters.optionalInt("limit", limit);
        SearchRequest request = new SearchRequest(q, QueryParameters.optionalLong("room", room),
                size == null ? SearchRequest.DEFAULT_LIMIT : size, before, SearchOrder.of(order), SearchRequest.zone(tz));
        SearchPage page = search.search(userId, request);
        return representations.searchPage(page, userId,
                details.of(page.results().stream().map(FoundMessage::message).toList(), userId));
    }
}
