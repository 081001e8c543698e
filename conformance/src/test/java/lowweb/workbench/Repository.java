package lowweb.workbench;

import java.nio.file.Path;

/** This repository, whose stages and steps the tests of the workbench's tool read. */
final class Repository {

    private Repository() {
    }

    /** The top folder: the conformance module's parent, where Maven runs its tests. */
    static Path top() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize().getParent();
    }

    static Course course() {
        return Course.at(top());
    }
}
