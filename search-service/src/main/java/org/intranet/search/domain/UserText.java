package org.intranet.search.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What a person typed, read the way web search reads it: {@code "quoted words"} are a phrase, {@code -word}
 * excludes, every other word must match (with typo tolerance), and the last word may be unfinished (prefix) unless
 * the text ends with a space. Nothing else is syntax: {@code title:/.*\/}, {@code *:*}, brackets and unbalanced
 * quotes are plain text, so no regular expression or wildcard ever reaches the engine. Words without a letter or
 * digit carry nothing to search for and are dropped.
 *
 * @param words    required words, in order
 * @param phrases  required phrases
 * @param excluded words no hit may contain
 * @param prefix   the last word is unfinished: match it as a prefix too
 */
public record UserText(List<String> words, List<String> phrases, List<String> excluded, boolean prefix) {
    /** More words than anyone types: the rest are ignored, so one request cannot become a huge query. */
    static final int MAX_TERMS = 32;

    public static UserText parse(String text) {
        List<String> words = new ArrayList<>();
        List<String> phrases = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        String clean = text.replaceAll("\\p{Cntrl}", " ");
        int quotes = (int) clean.chars().filter(c -> c == '"').count();
        int i = 0;
        while (i < clean.length() && words.size() + phrases.size() + excluded.size() < MAX_TERMS) {
            char c = clean.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' && quotes >= 2) {
                int end = clean.indexOf('"', i + 1);
                quotes -= 2;
                String phrase = clean.substring(i + 1, end).strip();
                if (searchable(phrase)) {
                    phrases.add(phrase);
                }
                i = end + 1;
            } else {
                int end = i;
                while (end < clean.length() && !Character.isWhitespace(clean.charAt(end))) {
                    end++;
                }
                String word = clean.substring(i, end).replace("\"", "");
                if (word.length() > 1 && word.charAt(0) == '-' && searchable(word.substring(1))) {
                    excluded.add(word.substring(1));
                } else if (searchable(word)) {
                    words.add(word);
                }
                i = end;
            }
        }
        boolean unfinished = !words.isEmpty() && !clean.isEmpty() && !Character.isWhitespace(clean.charAt(
                clean.length() - 1)) && clean.strip().endsWith(words.get(words.size() - 1));
        return new UserText(List.copyOf(words), List.copyOf(phrases), List.copyOf(excluded), unfinished);
    }

    /** Something to look for: only exclusions, or nothing searchable at all, finds nothing. */
    public boolean isEmpty() {
        return words.isEmpty() && phrases.isEmpty();
    }

    /** A word long enough for a typo to be forgiven (see SearchQueries.FUZZINESS): worth a fuzzy second pass. */
    public boolean mayHaveTypos() {
        return words.stream().anyMatch(w -> w.codePointCount(0, w.length()) >= 4);
    }

    private static boolean searchable(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
