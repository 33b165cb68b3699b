package org.mms.itip.mail;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.mms.itip.Delivery;
import org.mms.itip.ItipRequest;
import org.mms.itip.Mailer;

/**
 * The embedded default {@link Mailer}: one {@code .eml} file per request in a directory that a mail
 * server's pickup service, a script or a person collects from.
 *
 * <p>A file is named {@code <hex16>-<sequence>.eml} from the meeting's UID and SEQUENCE, so writing the
 * same update twice (a resumed migration) leaves one file, and a newer update gets its own. It appears
 * whole or not at all: the message is written to a hidden temporary file in the same directory, flushed
 * to disk, and renamed over the final name in one atomic step, so a collector never reads half a
 * message. On POSIX systems the files are readable by their owner only (they hold meeting details).
 */
public final class PickupDirectory implements Mailer {

    private final Path directory;
    private final ComposeImipMessage composer;

    public PickupDirectory(Path directory, ComposeImipMessage composer) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.composer = Objects.requireNonNull(composer, "composer");
    }

    /** Written whole: a pickup directory takes a message for every recipient or not at all. */
    @Override
    public Delivery send(ItipRequest request) {
        write(request);
        return Delivery.accepted();
    }

    /**
     * @return the written {@code .eml} file
     * @throws UncheckedIOException when the directory cannot be created or written
     */
    public Path write(ItipRequest request) {
        Objects.requireNonNull(request, "request");
        String fileName = MessageKey.of(request).fileName();
        Path target = directory.resolve(fileName);
        Path temporary = null;
        try {
            Files.createDirectories(directory);
            // Same directory, so the rename cannot cross file systems; the leading dot and the
            // suffix keep collectors that look for *.eml away from it.
            temporary = Files.createTempFile(directory, "." + fileName + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                    OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel))) {
                composer.write(request, out);
                out.flush();
                channel.force(true); // the content is on disk before the name points at it
            }
            // Replaces an earlier file for the same update (POSIX rename, MoveFileEx on Windows).
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            temporary = null;
            syncDirectory();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        } finally {
            deleteQuietly(temporary);
        }
    }

    /** Makes the rename itself survive a crash. Not every platform can open a directory; then skip. */
    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; NTFS journals the rename itself.
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // The write already failed and that is the error to report; a stray hidden .tmp is harmless.
        }
    }
}
