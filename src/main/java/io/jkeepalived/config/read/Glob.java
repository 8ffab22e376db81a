package io.jkeepalived.config.read;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * glob(3) as keepalived calls it for {@code include}: csh-style brace expansion
 * ({@code GLOB_BRACE}), then {@code * ? [...]} per path component, matches sorted, and names
 * starting with '.' matched only by a pattern that starts with '.'.
 */
final class Glob {

    /** Bounds the work a hostile pattern can cause. */
    static final int MAX_EXPANSIONS = 4096;

    private Glob() {
    }

    static boolean hasWildcard(String pattern) {
        return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[');
    }

    /**
     * Expands {@code {a,b}} alternatives, nested, left to right, as GLOB_BRACE does;
     * "{}" and a brace without a comma are left as they are.
     */
    static List<String> expandBraces(String pattern) {
        List<String> out = new ArrayList<>();
        expandBraces(pattern, out);
        return out;
    }

    private static void expandBraces(String pattern, List<String> out) {
        if (out.size() >= MAX_EXPANSIONS) {
            return;
        }
        int open = -1;
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '{') {
                int close = matchingBrace(pattern, i);
                if (close < 0) {
                    break;
                }
                List<String> alternatives = splitAlternatives(pattern.substring(i + 1, close));
                if (alternatives.size() > 1) {
                    open = i;
                    String head = pattern.substring(0, open);
                    String tail = pattern.substring(close + 1);
                    for (String alternative : alternatives) {
                        expandBraces(head + alternative + tail, out);
                    }
                    return;
                }
                i = close;
            }
        }
        out.add(pattern);
    }

    private static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitAlternatives(String inner) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(inner.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(inner.substring(start));
        return parts;
    }

    /**
     * The existing paths matching one brace-free pattern, resolved against the absolute directory
     * {@code base}, sorted. A pattern without wildcards matches itself if it exists.
     */
    static List<Path> match(Path base, String pattern) {
        Path start = Path.of(pattern).isAbsolute() ? Path.of("/") : base;
        List<Path> current = List.of(start);
        String[] components = pattern.split("/+");
        for (String component : components) {
            if (component.isEmpty()) {
                continue;
            }
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                if (!hasWildcard(component)) {
                    Path p = dir.resolve(component);
                    if (Files.exists(p)) {
                        next.add(p);
                    }
                    continue;
                }
                next.addAll(list(dir, component));
                if (next.size() > MAX_EXPANSIONS) {
                    break;
                }
            }
            current = next;
            if (current.isEmpty()) {
                break;
            }
        }
        return current.stream().sorted().toList();
    }

    private static List<Path> list(Path dir, String component) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + escapeForJava(component));
        boolean dotOk = component.startsWith(".");
        TreeSet<Path> found = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                Path name = entry.getFileName();
                if ((dotOk || !name.toString().startsWith(".")) && matcher.matches(name)) {
                    found.add(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
        return List.copyOf(found);
    }

    /** Java's glob syntax gives meaning to '{' ',' and '\'; glob(3) after brace expansion does not. */
    private static String escapeForJava(String component) {
        StringBuilder sb = new StringBuilder();
        for (char c : component.toCharArray()) {
            if (c == '{' || c == '}' || c == ',' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
