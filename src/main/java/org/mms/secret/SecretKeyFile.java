package org.mms.secret;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Where the key of the {@link SecretBox} comes from: the environment variable {@value #ENV} (base64 of
 * 32 bytes; what several processes sharing one PostgreSQL database must all be given), or else the
 * file {@code DATA/}{@value #FILE_NAME}, made on first start readable by its owner only. The key is
 * never logged, and messages about it never hold it.
 */
public final class SecretKeyFile {

    public static final String ENV = "MMS_SECRET_KEY";
    public static final String FILE_NAME = "secret.key";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretKeyFile() {
    }

    /** The box with the key from {@value #ENV}, or from {@code dataDir/secret.key} (made now if there is none). */
    public static SecretBox open(Path dataDir, Map<String, String> env) throws IOException {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new SecretBox(decode(fromEnv, ENV));
        }
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            create(file);
        }
        return new SecretBox(decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString()));
    }

    /**
     * Writes a new key to a temporary file only its owner can read, then links it under its name: the
     * name appears with the whole key in it or not at all, and a process that lost the race to another
     * one starting at the same time uses the other's key.
     */
    private static void create(Path file) throws IOException {
        Path temporary = file.resolveSibling(FILE_NAME + "." + UUID.randomUUID() + ".tmp");
        try {
            try {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(temporary);
            }
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
                out.write((Base64.getEncoder().encodeToString(SecretBox.newKey()) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            try {
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                // Its key is the one: nothing to do.
            } catch (UnsupportedOperationException noHardLinks) {
                try {
                    Files.move(temporary, file);
                } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                    // As above.
                }
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static byte[] decode(String text, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " must hold a key of 32 bytes in base64 (openssl rand -base64 32), and does not");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException(where + " must hold a key of 32 bytes in base64 (openssl rand -base64 32), not " + key.length
                    + " bytes");
        }
        return key;
    }
}
