package dev.daehwa.interfaces.rest.json;

import java.util.List;

/** A page of search results; pass {@code next} as {@code before} for the page after it. */
public record SearchPageJson(List<SearchResultJson> results, long total, String next) {
}
