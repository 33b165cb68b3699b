package org.mms.itip.mail;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
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
 * message; {@link #write} returns once the rename is on disk too (see {@link SyncDirectory}). On POSIX
 * systems the files are readable by their owner only (they hold meeting details).
 *
 * <p>Each message costs the disk a flush of its file and a share of a directory flush, and that is most of
 * what sending costs, so nothing else is asked of the file system per message: the directory is created when a write finds it missing, and the
 * temporary file is created with its permissions in one step, under a name no other writer uses.
 */
public final class PickupDirectory implements Mailer {

    /** Bigger than almost every message, so one is written in one call. */
    private static final int BUFFER = 64 * 1024;
    private static final FileAttribute<?>[] OWNER_ONLY = {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    private static final FileAttribute<?>[] DEFAULT_PERMISSIONS = {};
    private static final Set<StandardOpenOption> CREATE_NEW_FOR_WRITING = EnumSet.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);

    private final Path directory;
    private final ComposeImipMessage composer;
    private final SyncDirectory sync;
    private final FileAttribute<?>[] permissions;
    /** Temporary names: this writer's own prefix, and a count, so two writers never open the same file. */
    private final String writer = Long.toHexString(new SecureRandom().nextLong());
    private final AtomicLong written = new AtomicLong();

    public PickupDirectory(Path directory, ComposeImipMessage composer) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.composer = Objects.requireNonNull(composer, "composer");
        this.sync = new SyncDirectory(directory);
        this.permissions = directory.getFileSystem().supportedFileAttributeViews().contains("posix") ? OWNER_ONLY : DEFAULT_PERMISSIONS;
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
        // Same directory, so the rename cannot cross file systems; the leading dot and the suffix keep
        // collectors that look for *.eml away from it.
        Path temporary = directory.resolve("." + fileName + "." + writer + "-" + written.incrementAndGet() + ".tmp");
        boolean created = false;
        try {
            try (FileChannel channel = create(temporary); OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER)) {
                created = true;
                composer.write(request, out);
                out.flush();
                channel.force(false); // the content (and the size needed to read it) is on disk before the name points at it
            }
            // Replaces an earlier file for the same update (POSIX rename, MoveFileEx on Windows).
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            created = false;
            sync.afterRename();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        } finally {
            if (created) {
                deleteQuietly(temporary);
            }
        }
    }

    private FileChannel create(Path temporary) throws IOException {
        try {
            return FileChannel.open(temporary, CREATE_NEW_FOR_WRITING, permissions);
        } catch (NoSuchFileException missing) {
            Files.createDirectories(directory);
            return FileChannel.open(temporary, CREATE_NEW_FOR_WRITING, permissions);
        }
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // The write already failed and that is the error to report; a stray hidden .tmp is harmless.
        }
    }
}
