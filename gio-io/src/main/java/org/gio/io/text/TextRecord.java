package org.gio.io.text;

/**
 * One document of a {@link TextSource}.
 *
 * @param row 0-based row: the index GIO reports when this document is selected
 * @param line 1-based line of the file it came from, for messages
 * @param text the text to embed (for JSONL, the chosen field)
 * @param raw the line as it stands in the file, written back by {@code --out-lines}
 */
public record TextRecord(long row, long line, String text, String raw) {}
