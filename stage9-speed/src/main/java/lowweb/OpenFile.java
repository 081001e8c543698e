package lowweb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;

/**
 * A file opened to be sent, with its attributes as they were when it was opened: the file that is sent is the file
 * that was checked.
 *
 * <p>Checking a path and then opening it by name leaves a moment in which a file, or a folder on the way to it, can be
 * replaced by a symbolic link, and the open would follow the link wherever it leads. So the folder is opened first,
 * and checked as it was opened: its identity (device and inode, Java's file key) must be that of the folder at the
 * real path that was checked. Then the file is opened inside that open folder ({@code openat}), without following a
 * link, and its attributes are read there too ({@code fstatat}). Where Java offers no such folder handle (Windows),
 * the file is opened by its real path without following a link in its last part, which leaves the folders on the way
 * unchecked.
 *
 * @param channel    the open file
 * @param attributes its size, modification time and identity, read through the checked folder
 */
record OpenFile(FileChannel channel, BasicFileAttributes attributes) implements Closeable {

    /**
     * Opens a regular file by its real path, which the caller has checked (inside the root, nothing hidden).
     *
     * @throws HttpError 404 when the file is gone, is no longer a regular file, or something on its path changed
     *                   since it was checked; 403 when the server may not read it
     */
    static OpenFile open(Path real) throws HttpError, IOException {
        try {
            try (DirectoryStream<Path> folder = Files.newDirectoryStream(real.getParent())) {
                if (folder instanceof SecureDirectoryStream<Path> secure) {
                    return openIn(secure, real);
                }
            }
            FileChannel channel = FileChannel.open(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
            try {
                return new OpenFile(channel, Files.readAttributes(real, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS));
            } catch (IOException | RuntimeException e) {
                // Removed between the two calls: nobody else holds the channel, so it would stay open for good.
                channel.close();
                throw e;
            }
        } catch (NoSuchFileException e) {
            throw new HttpError(Status.NOT_FOUND, "removed before it could be opened: " + real);
        } catch (AccessDeniedException e) {
            // RFC 9110 §15.5.4: the file is there, but the server may not read it, and no request can change that.
            throw new HttpError(Status.FORBIDDEN, "not readable: " + real);
        } catch (FileSystemException e) {
            if (Files.isSymbolicLink(real)) {
                throw new HttpError(Status.NOT_FOUND, "became a link before it could be opened: " + real);
            }
            throw e;
        }
    }

    private static OpenFile openIn(SecureDirectoryStream<Path> folder, Path real) throws HttpError, IOException {
        Object opened = folder.getFileAttributeView(BasicFileAttributeView.class).readAttributes().fileKey();
        Path checked = real.getParent();
        // Read after the folder was opened: if the path still leads, link-free, to the very folder that is open, the
        // open folder is the checked one, whatever happened in between.
        if (!checked.toRealPath().equals(checked)
                || !Objects.equals(opened, Files.readAttributes(checked, BasicFileAttributes.class).fileKey())) {
            throw new HttpError(Status.NOT_FOUND, "a folder on the way changed while it was opened: " + real);
        }
        Path name = real.getFileName();
        BasicFileAttributes attributes = folder
                .getFileAttributeView(name, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                .readAttributes();
        if (!attributes.isRegularFile()) {
            throw new HttpError(Status.NOT_FOUND, "no longer a regular file: " + real);
        }
        SeekableByteChannel channel = folder.newByteChannel(name,
                Set.<OpenOption>of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS));
        if (channel instanceof FileChannel file) {
            return new OpenFile(file, attributes);
        }
        // A file channel is what sendfile needs; every JDK's folder handle gives one, but the type does not say so.
        channel.close();
        throw new IOException("no file channel for " + real);
    }

    /**
     * All the bytes of the file if it has at most {@code maxBytes}, or null: a larger file is sent from the disk. Also
     * null when the file turns out not to have the size it had when it was opened: it changed since, and bytes that
     * do not match the size (and the validators made from it) are not sent from memory.
     */
    byte[] readAll(int maxBytes) throws IOException {
        long size = attributes.size();
        if (size > maxBytes) {
            return null;
        }
        // One byte more than the size: a file that grew is seen as such.
        ByteBuffer content = ByteBuffer.allocate((int) size + 1);
        while (content.hasRemaining() && channel.read(content, content.position()) > 0) {
            // Positional reads leave the channel's own position at 0, for whoever sends it later.
        }
        return content.position() == size ? Arrays.copyOf(content.array(), (int) size) : null;
    }

    /** Whether this is the file found earlier, unchanged: the same file, of the same size, changed at the same time. */
    boolean isStill(BasicFileAttributes found) {
        return Objects.equals(attributes.fileKey(), found.fileKey()) && attributes.size() == found.size()
                && attributes.lastModifiedTime().equals(found.lastModifiedTime());
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
