package org.intranet.feed.api;

import java.util.List;

/** Every list answers {@code {items, next}}; pass {@code next} back as {@code cursor} for the following page. */
public record PageView<T>(List<T> items, String next) {
}
