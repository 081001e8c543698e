package lowweb;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file opened to be sent, with its attributes as they were when it was opened: the length and the validators of
 * the response describe the bytes that are sent, even when the file changes while it is being sent.
 *
 * <p>The file is opened by the real path that was checked (inside the root, nothing hidden), without following a
 * link in its last part: should a link have taken the file's place since the check, it is not followed.
 *
 * @param channel    the open file
 * @param attributes its size, modification time and identity, read right after it was opened
 */
record OpenFile(FileChannel channel, BasicFileAttributes attributes) implements Closeable {

    /**
     * Opens a regular file by its real path, which the caller has checked (inside the root, nothing hidden).
     *
     * @throws HttpError 404 when the file is gone or has become a link since it was checked; 403 when the server may
     *                   not read it
     */
    static OpenFile open(Path real) throws HttpError, IOException {
        try {
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

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
