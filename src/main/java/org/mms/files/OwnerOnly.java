package org.mms.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files and directories only their owner can read: the data directory holds the calendars, the
 * outgoing messages, the tokens and the stored credentials, so nothing MMS makes is readable by the
 * machine's other users. Directories are {@code rwx------} (700) and files {@code rw-------} (600),
 * given at creation where the file system has POSIX permissions (so there is no moment when they are
 * open to others), and nothing is done where it has none (Windows keeps its own ACLs).
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private static final Logger LOG = LoggerFactory.getLogger(OwnerOnly.class);

    private OwnerOnly() {
    }

    /** Whether {@code path}'s file system has POSIX permissions. */
    public static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** The attribute that creates a file owner-only, or none where permissions are not POSIX. */
    public static FileAttribute<?>[] fileAttributes(Path path) {
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    /**
     * The directory and the parents that were missing, each created 700. A directory that exists already
     * keeps its mode: one the admin made (a pickup directory a mail server reads) is theirs to set.
     */
    public static Path createDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return directory;
        }
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(absolute, posix(absolute)
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(DIRECTORY)} : new FileAttribute<?>[0]);
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(absolute)) {
                throw raced;
            }
        }
        // The umask may have taken bits away from the mode asked for, never added any; set it exactly.
        restrict(absolute);
        return directory;
    }

    /**
     * Writes {@code content} to {@code file}, owner-only, replacing any file of that name in one rename
     * (a reader never finds half of it, and an old file's wider mode is not kept).
     */
    public static Path writeFile(Path file, byte[] content) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().threadId() + ".tmp");
        Files.deleteIfExists(temporary);
        try {
            Files.write(Files.createFile(temporary, fileAttributes(temporary)), content);
            Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return file;
    }

    /**
     * Writes {@code content} to a new file, owner-only; refuses, with {@link java.nio.file.FileAlreadyExistsException},
     * when {@code file} exists (checked and created in one step, so nothing written meanwhile is replaced).
     */
    public static Path writeNewFile(Path file, byte[] content) throws IOException {
        try (var out = Files.newOutputStream(Files.createFile(file, fileAttributes(file)))) {
            out.write(content);
        }
        return file;
    }

    /** {@link #writeFile(Path, byte[])} for text, in UTF-8. */
    public static Path writeFile(Path file, String content) throws IOException {
        return writeFile(file, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Makes one file or directory owner-only, keeping the owner's own bits. */
    public static void restrict(Path path) throws IOException {
        if (!posix(path)) {
            return;
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
        Set<PosixFilePermission> wanted = Files.isDirectory(path) ? DIRECTORY : ownerBitsOf(mode);
        if (!mode.equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
        }
    }

    /**
     * Makes everything under {@code root} (and {@code root}) owner-only: for files that a library creates
     * with the process's umask, such as the H2 database's, whose mode MMS cannot choose at creation. Files
     * that vanish meanwhile (a database's temporary files) are passed over.
     */
    public static void restrictTree(Path root) throws IOException {
        if (!posix(root) || !Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                restrictQuietlyIfGone(dir);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!attrs.isSymbolicLink()) {
                    restrictQuietlyIfGone(file);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static void restrictQuietlyIfGone(Path path) {
        try {
            restrict(path);
        } catch (NoSuchFileException gone) {
            // A temporary file that was deleted while the tree was walked.
        } catch (IOException e) {
            // Another user's file (put there by hand): the directory's own mode still keeps others out of it.
            LOG.warn("could not make {} readable by its owner only: {}", path, e.toString());
        }
    }

    /** A file keeps what its owner may do with it (read, write, execute), and loses the rest. */
    private static Set<PosixFilePermission> ownerBitsOf(Set<PosixFilePermission> mode) {
        Set<PosixFilePermission> owner = java.util.EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : mode) {
            if (p == PosixFilePermission.OWNER_READ || p == PosixFilePermission.OWNER_WRITE || p == PosixFilePermission.OWNER_EXECUTE) {
                owner.add(p);
            }
        }
        return owner;
    }
}
