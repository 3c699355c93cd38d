package org.intranet.kit.paging;

import java.util.List;
import java.util.function.Function;

/**
 * Every list answers {@code {items, next}}; a client passes {@code next} back as {@code cursor} for the following
 * page, and {@code next} is null on the last one.
 */
public record Page<T>(List<T> items, String next) {

    public <R> Page<R> map(Function<T, R> view) {
        return new Page<>(items.stream().map(view).toList(), next);
    }
}
