package lowweb.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code -Dstart} wrote into the workbench: the point it started from and a fingerprint of every file, so that
 * a later start can tell which files the student changed, added or deleted since. It lives in
 * {@code workbench/start.properties}, beside the code and outside {@code target}, so that {@code mvn clean} keeps it.
 *
 * @param point        where the workbench started
 * @param fingerprints each file's SHA-256 by its path
 */
record StartRecord(Point point, SortedMap<String, String> fingerprints) {

    static final String FILE = "start.properties";

    StartRecord {
        fingerprints = new TreeMap<>(fingerprints);
    }

    static StartRecord of(Point point, SourceTree tree) {
        SortedMap<String, String> fingerprints = new TreeMap<>();
        tree.files().forEach((path, bytes) -> fingerprints.put(path, fingerprint(bytes)));
        return new StartRecord(point, fingerprints);
    }

    static Optional<StartRecord> read(Path workbench) {
        Path file = workbench.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Point point = null;
            SortedMap<String, String> fingerprints = new TreeMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int equals = line.lastIndexOf('=');
                if (line.isBlank() || line.startsWith("#") || equals < 0) {
                    continue;
                }
                String key = line.substring(0, equals).strip();
                String value = line.substring(equals + 1).strip();
                if (key.equals("start")) {
                    point = Point.parse(value);
                } else {
                    fingerprints.put(key, value);
                }
            }
            if (point == null) {
                throw new WorkbenchError(file + " names no start point (start=3.2); delete it and start again");
            }
            return Optional.of(new StartRecord(point, fingerprints));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    void write(Path workbench) {
        List<String> lines = new ArrayList<>();
        lines.add("# Written by the workbench's start (-Dstart): where this workbench started, and a SHA-256 of each");
        lines.add("# file it wrote, to tell later which files were changed. Keep it with your code.");
        lines.add("start=" + point);
        fingerprints.forEach((path, fingerprint) -> lines.add(path + "=" + fingerprint));
        try {
            Files.write(workbench.resolve(FILE), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + workbench.resolve(FILE), e);
        }
    }

    /** Each path that differs from what was written, with how: "changed", "added" or "deleted". */
    List<String> changesIn(SourceTree current) {
        List<String> changes = new ArrayList<>();
        for (String path : fingerprints.keySet()) {
            byte[] bytes = current.get(path);
            if (bytes == null) {
                changes.add(path + " (deleted)");
            } else if (!fingerprint(bytes).equals(fingerprints.get(path))) {
                changes.add(path + " (changed)");
            }
        }
        for (String path : current.files().keySet()) {
            if (!fingerprints.containsKey(path)) {
                changes.add(path + " (added)");
            }
        }
        return changes;
    }

    /**
     * The SHA-256 of the file with CRLF read as LF: Git may change a file's line ends when it checks the file out,
     * and that is no change of the student's.
     */
    static String fingerprint(byte[] bytes) {
        byte[] text = new String(bytes, StandardCharsets.ISO_8859_1).replace("\r\n", "\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
