package org.mms.itip.mail;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.mms.itip.Delivery;
import org.mms.itip.ItipRequest;
import org.mms.itip.Mailer;
import org.mms.itip.StagingMailer;

/**
 * The embedded default {@link Mailer}: one {@code .eml} file per request in a directory that a mail
 * server's pickup service, a script or a person collects from.
 *
 * <p>A file is named {@code <hex16>-<sequence>.eml} from the meeting's UID and SEQUENCE, so writing the
 * same update twice leaves one file, and a newer update gets its own. It appears whole or not at all:
 * the message is written to a hidden file in the same directory, flushed to disk, and renamed to its
 * final name in one atomic step, so a collector never reads half a message. On POSIX systems the files
 * are readable by their owner only (they hold meeting details).
 *
 * <p>The outbox's senders {@linkplain StagingMailer stage} a round of messages (hidden files named
 * {@code .<name>.<key>.staged}, flushed), and after the outbox has recorded that, release them (the
 * renames). A staged file is the record that its message has not gone out: a sender that takes over a
 * message staged by one that died renames the file if it is still there, and otherwise knows the
 * message went out already. So a crash never makes a message go out twice. (Deleting staged files by
 * hand loses those messages.)
 *
 * <p>Flushes are most of what a message costs here, so a round shares them: the staged files are
 * flushed one after another once all are written, and the directory once after the files are created
 * and once after they are renamed, that flush shared with the other senders' (see {@link SyncDirectory}).
 * Nothing else is asked of the file system per message: the directory is created when a write finds
 * it missing, and a file is created with its permissions in one step.
 */
public final class PickupDirectory implements StagingMailer {

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

    @Override
    public Map<Long, RuntimeException> stage(Map<Long, ItipRequest> messages) {
        Map<Long, RuntimeException> failures = new LinkedHashMap<>();
        Map<Long, FileChannel> unflushed = new LinkedHashMap<>();
        try {
            for (var message : messages.entrySet()) {
                Path staged = staged(message.getKey(), MessageKey.of(message.getValue()).fileName());
                FileChannel channel = null;
                try {
                    channel = replace(staged);
                    writeTo(channel, message.getValue());
                    unflushed.put(message.getKey(), channel);
                } catch (IOException | RuntimeException e) {
                    failures.put(message.getKey(), failure("could not stage " + staged, e));
                    if (channel != null) {
                        closeQuietly(channel);
                        deleteQuietly(staged);
                    }
                }
            }
            // All written first, then flushed: the disk takes them in fewer, larger writes.
            unflushed.forEach((key, channel) -> {
                try {
                    channel.force(false);
                } catch (IOException e) {
                    failures.put(key, failure("could not flush the staged update " + key, e));
                }
            });
        } finally {
            unflushed.values().forEach(PickupDirectory::closeQuietly);
        }
        if (failures.size() < messages.size()) {
            try {
                sync.afterChange(); // the new names too, so that a staged file found missing was released
            } catch (IOException e) {
                messages.keySet().forEach(key -> failures.putIfAbsent(key, failure("could not flush " + directory, e)));
            }
        }
        return failures;
    }

    @Override
    public Map<Long, RuntimeException> release(Map<Long, ItipRequest> messages) {
        Map<Long, RuntimeException> failures = new LinkedHashMap<>();
        List<Long> renamed = new ArrayList<>();
        for (var message : messages.entrySet()) {
            String fileName = MessageKey.of(message.getValue()).fileName();
            Path target = directory.resolve(fileName);
            try {
                Files.move(staged(message.getKey(), fileName), target, StandardCopyOption.ATOMIC_MOVE);
                renamed.add(message.getKey());
            } catch (NoSuchFileException releasedEarlier) {
                // Renamed by a sender that died before the outbox recorded it: it went out then.
            } catch (IOException e) {
                failures.put(message.getKey(), failure("could not release " + target, e));
            }
        }
        if (!renamed.isEmpty()) {
            try {
                sync.afterChange();
            } catch (IOException e) {
                // Renamed but perhaps not on disk; released again, each finds its file gone and counts as released.
                renamed.forEach(key -> failures.put(key, failure("could not flush " + directory, e)));
            }
        }
        return failures;
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
            try (FileChannel channel = create(temporary)) {
                created = true;
                writeTo(channel, request);
                channel.force(false); // the content (and the size needed to read it) is on disk before the name points at it
            }
            // Replaces an earlier file for the same update (POSIX rename, MoveFileEx on Windows).
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            created = false;
            sync.afterChange();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target, e);
        } finally {
            if (created) {
                deleteQuietly(temporary);
            }
        }
    }

    private void writeTo(FileChannel channel, ItipRequest request) throws IOException {
        // Not closed here: closing the stream would close the channel before the caller flushes it.
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
        composer.write(request, out);
        out.flush();
    }

    private Path staged(long key, String fileName) {
        // Hidden and without the .eml suffix, like a temporary file; the key keeps two messages with one
        // name (the same update queued twice) apart.
        return directory.resolve("." + fileName + "." + key + ".staged");
    }

    private FileChannel create(Path temporary) throws IOException {
        try {
            return FileChannel.open(temporary, CREATE_NEW_FOR_WRITING, permissions);
        } catch (NoSuchFileException missing) {
            Files.createDirectories(directory);
            return FileChannel.open(temporary, CREATE_NEW_FOR_WRITING, permissions);
        }
    }

    /** A new file in place of any left by an attempt that died before the outbox recorded it as staged. */
    private FileChannel replace(Path staged) throws IOException {
        try {
            return create(staged);
        } catch (FileAlreadyExistsException leftOver) {
            Files.delete(staged);
            return create(staged);
        }
    }

    private static RuntimeException failure(String what, Exception e) {
        return e instanceof IOException io ? new UncheckedIOException(what, io) : new IllegalStateException(what, e);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Flushed already, or failed and reported as such.
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // The write already failed and that is the error to report; a stray hidden file is harmless.
        }
    }
}
