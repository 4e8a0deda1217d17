package dev.daehwa.application.search;

import java.util.List;

/** One page of results; {@code total} counts every match the searcher may see. */
public record SearchPage(List<FoundMessage> results, long total, String next) {
}
