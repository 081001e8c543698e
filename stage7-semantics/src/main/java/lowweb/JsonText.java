package lowweb;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The text of a JSON file, and how far a reader has read it. Gson's {@code JsonReader} keeps its position to itself:
 * it names it only in the English of its messages. So the text hands itself over one character per read, and the
 * reader, which asks for a character only when it needs one (as any reader of a network stream must), has just
 * taken the character it stopped at. From there, this class finds the word that was wrong and names its place.
 */
final class JsonText extends Reader {

    /** RFC 8259 §6: a number as JSON writes it. */
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final int SHOWN_AT_MOST = 40;

    private final String text;
    private int taken;
    /** The line of the last character taken, counted as the reader goes, since every key asks for it. */
    private int line = 1;
    private boolean pastEnd;

    private JsonText(String text) {
        this.text = text;
    }

    /** The text of {@code file}; a file that is missing, empty or not UTF-8 is a {@link SettingsError} naming it. */
    static JsonText of(Path file) throws SettingsError {
        String text;
        try {
            // RFC 8259 §8.1: JSON exchanged between systems is UTF-8.
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new SettingsError(file + ": no such file");
        } catch (MalformedInputException e) {
            throw new SettingsError(file + ": not UTF-8 text, which JSON must be (RFC 8259 §8.1)");
        } catch (IOException e) {
            throw new SettingsError(file + ": cannot read it: " + e.getMessage());
        }
        if (text.isBlank()) {
            throw new SettingsError(file + ": the file is empty; it must hold a JSON object such as {\"port\": 8080}");
        }
        return new JsonText(text);
    }

    /** Where the last character the reader took stands; the length of the text once it has asked for more. */
    int last() {
        return pastEnd ? text.length() : taken - 1;
    }

    char charAt(int offset) {
        return offset >= 0 && offset < text.length() ? text.charAt(offset) : 0;
    }

    /**
     * Where the mistake the reader stopped at begins. The reader takes one character past a word to see that the word
     * has ended, and one past a "/" to see whether a comment begins; a word it has taken that way was the mistake
     * only if it is not one JSON knows, since a number, true, false or null would have been accepted.
     */
    int mistake() {
        int last = last();
        if (isWord(last)) {
            return wordStart(last);
        }
        if (isWord(last - 1) && !isJsonWord(wordStart(last - 1))) {
            return wordStart(last - 1);
        }
        return charAt(last - 1) == '/' ? last - 1 : last;
    }

    /** Where the last backslash at or before {@code offset} stands. */
    int lastBackslash(int offset) {
        return text.lastIndexOf('\\', offset);
    }

    /** The last character before {@code offset} that is not white space (RFC 8259 §2), or 0 if there is none. */
    char before(int offset) {
        int at = offset - 1;
        while (at >= 0 && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at--;
        }
        return at < 0 ? 0 : text.charAt(at);
    }

    /** What a message says is at {@code offset}: the end of the file, a string, a word or one character. */
    String found(int offset) {
        char c = charAt(offset);
        int end = offset + 1;
        if (offset >= text.length()) {
            return "the end of the file";
        } else if (c == '"') {
            while (end < text.length() && text.charAt(end) != '"' && text.charAt(end) >= ' ') {
                end += text.charAt(end) == '\\' ? 2 : 1;
            }
            int close = charAt(end) == '"' ? end + 1 : Math.min(end, text.length());
            return "the string " + shown(text.substring(offset, close));
        } else if (isWord(offset)) {
            return shown(text.substring(offset, wordEnd(offset)));
        } else if (c <= ' ' || Character.isSpaceChar(c)) {
            return String.format("the invisible character U+%04X", (int) c);
        }
        return "\"" + c + "\"";
    }

    /** "line 4 column 2", both counted from 1, as an editor counts them. */
    String where(int offset) {
        long lines = text.substring(0, offset).chars().filter(c -> c == '\n').count();
        return "line " + (lines + 1) + " column " + (offset - text.lastIndexOf('\n', offset - 1));
    }

    /** The line of the last character the reader took. */
    int line() {
        return line;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (taken == text.length()) {
            pastEnd = true;
            return -1;
        }
        if (taken > 0 && text.charAt(taken - 1) == '\n') {
            line++;
        }
        buffer[offset] = text.charAt(taken++);
        return 1;
    }

    @Override
    public void close() {
    }

    /** Letters, digits, "+", "-", "." and "_": what true, false, null, numbers and words without quotes are made of. */
    private boolean isWord(int offset) {
        char c = charAt(offset);
        return Character.isLetterOrDigit(c) || c == '-' || c == '+' || c == '.' || c == '_';
    }

    private int wordStart(int offset) {
        int start = offset;
        while (isWord(start - 1)) {
            start--;
        }
        return start;
    }

    private int wordEnd(int offset) {
        int end = offset;
        while (isWord(end)) {
            end++;
        }
        return end;
    }

    private boolean isJsonWord(int start) {
        String word = text.substring(start, wordEnd(start));
        return word.equals("true") || word.equals("false") || word.equals("null") || NUMBER.matcher(word).matches();
    }

    private static String shown(String written) {
        return written.length() <= SHOWN_AT_MOST ? written : written.substring(0, SHOWN_AT_MOST - 3) + "...";
    }
}
