package lowweb.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The files a step may change, as bytes: everything under {@code src/main} and the {@code settings.json} beside it.
 * Paths are relative to the stage's folder and written with forward slashes on every system, as patches write them:
 * {@code src/main/java/lowweb/Main.java}.
 *
 * @param files each file's bytes by its path
 */
record SourceTree(SortedMap<String, byte[]> files) {

    static final String SOURCES = "src/main";
    static final String SETTINGS = "settings.json";
    static final SourceTree EMPTY = new SourceTree(new TreeMap<>());

    SourceTree {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** The tree in {@code folder}: its src/main and settings.json, if they are there. */
    static SourceTree read(Path folder) {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try {
            Path sources = folder.resolve(SOURCES);
            if (Files.isDirectory(sources)) {
                try (Stream<Path> walk = Files.walk(sources)) {
                    for (Path file : walk.filter(Files::isRegularFile).toList()) {
                        files.put(slashed(folder.relativize(file)), Files.readAllBytes(file));
                    }
                }
            }
            Path settings = folder.resolve(SETTINGS);
            if (Files.isRegularFile(settings)) {
                files.put(SETTINGS, Files.readAllBytes(settings));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the files of " + folder, e);
        }
        return new SourceTree(files);
    }

    /** Puts this tree into {@code folder} in place of its src/main and settings.json, which go first. */
    void replace(Path folder) {
        try {
            Path sources = folder.resolve(SOURCES);
            if (Files.exists(sources)) {
                try (Stream<Path> walk = Files.walk(sources)) {
                    // Deepest first, so that every folder is empty when its turn comes.
                    for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            Files.deleteIfExists(folder.resolve(SETTINGS));
            for (var file : files.entrySet()) {
                Path target = resolve(folder, file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the files into " + folder, e);
        }
    }

    /** Equal trees hold the same paths with the same bytes; a record alone would compare the arrays by identity. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SourceTree tree && differingPaths(tree).isEmpty();
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (var file : files.entrySet()) {
            hash += file.getKey().hashCode() ^ Arrays.hashCode(file.getValue());
        }
        return hash;
    }

    boolean isEmpty() {
        return files.isEmpty();
    }

    byte[] get(String path) {
        return files.get(path);
    }

    SourceTree with(String path, byte[] bytes) {
        SortedMap<String, byte[]> changed = new TreeMap<>(files);
        changed.put(path, bytes);
        return new SourceTree(changed);
    }

    SourceTree without(String path) {
        SortedMap<String, byte[]> changed = new TreeMap<>(files);
        changed.remove(path);
        return new SourceTree(changed);
    }

    /** The paths whose bytes differ, or that only one of the two trees has, in order. */
    SortedSet<String> differingPaths(SourceTree other) {
        SortedSet<String> paths = new TreeSet<>(files.keySet());
        paths.addAll(other.files.keySet());
        paths.removeIf(path -> Arrays.equals(get(path), other.get(path)));
        return paths;
    }

    /** The file's place in {@code folder}: the path's names one by one, whatever the system's separator. */
    static Path resolve(Path folder, String path) {
        Path result = folder;
        for (String name : path.split("/")) {
            result = result.resolve(name);
        }
        return result;
    }

    static String slashed(Path relative) {
        List<String> names = new ArrayList<>();
        relative.forEach(name -> names.add(name.toString()));
        return String.join("/", names);
    }
}
