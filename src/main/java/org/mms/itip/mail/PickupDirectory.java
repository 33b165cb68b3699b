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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.mms.directory.TenantId;
import org.mms.files.OwnerOnly;
import org.mms.itip.Delivery;
import org.mms.itip.OutgoingMessage;
import org.mms.itip.Mailer;
import org.mms.itip.MessageOutbox;
import org.mms.itip.StagingMailer;

/**
 * The embedded default {@link Mailer}: one {@code .eml} file per request in a directory that a mail
 * server's pickup service, a script or a person collects from.
 *
 * <p>Every message has a name of its own. A message from the outbox is named
 * {@code <tenant>-<outboxId>-<uidHash>-<sequence>.eml} (see {@link MessageKey#fileName(TenantId, long)}):
 * the outbox id makes it unique, so two tenants whose meetings share UIDs never share a file. A message
 * written without an outbox ({@link #write}) is named {@code <hash>-<sequence>.eml} from the organizer,
 * the UID and the SEQUENCE, so writing the same update twice leaves one file and a newer update gets its
 * own. A file appears whole or not at all: the message is written to a hidden file in the same directory,
 * flushed to disk, and renamed to its final name in one atomic step, so a collector never reads half a
 * message. A rename never replaces another message's file: a file found under the name is replaced only
 * when it holds the same message (the same Message-ID), and otherwise the write fails and says so. The
 * files are readable by their owner only (they hold meeting details).
 *
 * <p>The outbox's senders {@linkplain StagingMailer stage} a round of messages (hidden files named
 * {@code .<name>.staged}, flushed), and after the outbox has recorded that, release them (the renames).
 * A staged file is the record that its message has not gone out: a sender that takes over a message
 * staged by one that died renames the file if it is still there, and otherwise knows the message went
 * out already. So a crash never makes a message go out twice. (Deleting staged files by hand loses
 * those messages.) Staging a message again (its sender died before the outbox recorded it as staged)
 * writes beside the old staged file and renames over it: only that message's own staged file is ever
 * replaced.
 *
 * <p>Flushes are most of what a message costs here, so a round shares them: the staged files are
 * flushed one after another once all are written, and the directory once after the files are created
 * and once after they are renamed, that flush shared with the other senders' (see {@link SyncDirectory}).
 * Nothing else is asked of the file system per message: the directory is created (owner-only) when a
 * write finds it missing, and a file is created with its permissions in one step.
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
    public Delivery send(OutgoingMessage request) {
        write(request);
        return Delivery.accepted();
    }

    @Override
    public Map<Long, RuntimeException> stage(List<MessageOutbox.Queued> messages) {
        Map<Long, RuntimeException> failures = new LinkedHashMap<>();
        Map<Long, Staging> unflushed = new LinkedHashMap<>();
        try {
            for (MessageOutbox.Queued message : messages) {
                Path staged = staged(message);
                Path temporary = temporary(staged.getFileName().toString());
                FileChannel channel = null;
                try {
                    channel = create(temporary);
                    writeTo(channel, Optional.of(message.tenant()), message.request());
                    unflushed.put(message.id(), new Staging(channel, temporary, staged));
                } catch (IOException | RuntimeException e) {
                    failures.put(message.id(), failure("could not stage " + staged, e));
                    if (channel != null) {
                        closeQuietly(channel);
                        deleteQuietly(temporary);
                    }
                }
            }
            // All written first, then flushed: the disk takes them in fewer, larger writes. Then each takes
            // its staged name, replacing only what an earlier attempt staged for the same message.
            unflushed.forEach((id, staging) -> {
                try {
                    staging.channel().force(false);
                    staging.channel().close();
                    Files.move(staging.temporary(), staging.staged(), StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    failures.put(id, failure("could not stage " + staging.staged(), e));
                    deleteQuietly(staging.temporary());
                }
            });
        } finally {
            unflushed.values().forEach(staging -> closeQuietly(staging.channel()));
        }
        if (failures.size() < messages.size()) {
            try {
                sync.afterChange(); // the new names too, so that a staged file found missing was released
            } catch (IOException e) {
                messages.forEach(message -> failures.putIfAbsent(message.id(), failure("could not flush " + directory, e)));
            }
        }
        return failures;
    }

    /** A message being staged: written to {@code temporary}, to be renamed to {@code staged} once flushed. */
    private record Staging(FileChannel channel, Path temporary, Path staged) {
    }

    @Override
    public Map<Long, RuntimeException> release(List<MessageOutbox.Queued> messages) {
        Map<Long, RuntimeException> failures = new LinkedHashMap<>();
        List<Long> renamed = new ArrayList<>();
        for (MessageOutbox.Queued message : messages) {
            Path target = directory.resolve(fileName(message));
            try {
                place(staged(message), target, composer.messageId(Optional.of(message.tenant()), message.request()));
                renamed.add(message.id());
            } catch (NoSuchFileException releasedEarlier) {
                // Renamed by a sender that died before the outbox recorded it: it went out then.
            } catch (IOException e) {
                failures.put(message.id(), failure("could not release " + target, e));
            }
        }
        if (!renamed.isEmpty()) {
            try {
                sync.afterChange();
            } catch (IOException e) {
                // Renamed but perhaps not on disk; released again, each finds its file gone and counts as released.
                renamed.forEach(id -> failures.put(id, failure("could not flush " + directory, e)));
            }
        }
        return failures;
    }

    /**
     * @return the written {@code .eml} file
     * @throws UncheckedIOException when the directory cannot be created or written, or the name holds
     *         another message
     */
    public Path write(OutgoingMessage request) {
        Objects.requireNonNull(request, "request");
        String fileName = MessageKey.of(request).fileName();
        Path target = directory.resolve(fileName);
        // Same directory, so the rename cannot cross file systems; the leading dot and the suffix keep
        // collectors that look for *.eml away from it.
        Path temporary = temporary(fileName);
        boolean created = false;
        try {
            try (FileChannel channel = create(temporary)) {
                created = true;
                writeTo(channel, Optional.empty(), request);
                channel.force(false); // the content (and the size needed to read it) is on disk before the name points at it
            }
            place(temporary, target, composer.messageId(Optional.empty(), request));
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

    /**
     * Renames {@code from} to {@code target} in one step. A file already there is replaced only when it is
     * the same message (a write or release repeated after a crash); anything else there stays, and the
     * rename fails.
     *
     * @throws NoSuchFileException when {@code from} is gone (released earlier)
     * @throws FileAlreadyExistsException when {@code target} holds another message (or is not a message)
     */
    private static void place(Path from, Path target, String messageId) throws IOException {
        try {
            // Without REPLACE_EXISTING: refused when the target exists, else one rename(2).
            Files.move(from, target);
        } catch (FileAlreadyExistsException taken) {
            if (!Files.exists(from)) {
                throw new NoSuchFileException(from.toString());
            }
            if (!messageId.equals(MessageIdHeader.of(target).orElse(null))) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "holds another message (Message-ID " + messageId + " expected); a message file is never replaced by another");
            }
            Files.move(from, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /**
     * Moves a message file written by a {@code PickupDirectory} elsewhere (a staging directory) into
     * {@code directory} under its own name, by the same rule: a file there is replaced only by the same
     * message.
     *
     * @throws FileAlreadyExistsException when the name holds another message
     */
    public static Path moveInto(Path file, Path directory) throws IOException {
        Path target = directory.resolve(file.getFileName().toString());
        Optional<String> messageId = MessageIdHeader.of(file);
        if (messageId.isEmpty()) {
            throw new IOException(file + " is not a message (it has no Message-ID)");
        }
        place(file, target, messageId.get());
        return target;
    }

    private void writeTo(FileChannel channel, Optional<TenantId> tenant, OutgoingMessage request) throws IOException {
        // Not closed here: closing the stream would close the channel before the caller flushes it.
        OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
        composer.write(tenant, request, out);
        out.flush();
    }

    private static String fileName(MessageOutbox.Queued message) {
        return MessageKey.of(Optional.of(message.tenant()), message.request()).fileName(message.tenant(), message.id());
    }

    private Path staged(MessageOutbox.Queued message) {
        // Hidden and without the .eml suffix, like a temporary file; its name is the message's own.
        return directory.resolve("." + fileName(message) + ".staged");
    }

    /** This writer's own prefix and a count, so two writers never open the same temporary file. */
    private Path temporary(String name) {
        return directory.resolve("." + name + "." + writer + "-" + written.incrementAndGet() + ".tmp");
    }

    private FileChannel create(Path temporary) throws IOException {
        try {
            return FileChannel.open(temporary, CREATE_NEW_FOR_WRITING, permissions);
        } catch (NoSuchFileException missing) {
            OwnerOnly.createDirectories(directory);
            return FileChannel.open(temporary, CREATE_NEW_FOR_WRITING, permissions);
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
