package org.mms.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals secrets for storage with AES-256-GCM: a random 12-byte nonce per value, the 128-bit tag, and
 * the place the value belongs to (tenant and column) as associated data, so that a sealed value
 * copied to another tenant's row does not open there. The sealed form is text:
 * {@code v1:} followed by base64 of nonce, ciphertext and tag; the version says which scheme opens it.
 */
public final class SecretBox {

    /** The sealed form's prefix for this scheme. */
    static final String VERSION = "v1:";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** A box with this 256-bit key. */
    public SecretBox(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a secret key has " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A box with a new random key that lives as long as the process: for tests and tools that store no secret. */
    public static SecretBox ephemeral() {
        return new SecretBox(newKey());
    }

    /** 32 random bytes from the system's strong source. */
    static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** The secret sealed for {@code context} (where it is stored, e.g. {@code tenant_calendar_store.password:contoso}). */
    public String seal(Secret secret, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, context);
            byte[] sealed = cipher.doFinal(secret.reveal().getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /**
     * The secret a {@link #seal} for the same context made.
     *
     * @throws SealedSecretException when it was sealed with another key, for another place, or was changed
     */
    public Secret open(String sealed, String context) {
        Objects.requireNonNull(sealed, "sealed");
        if (!sealed.startsWith(VERSION)) {
            throw new SealedSecretException("a sealed secret of an unknown version");
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new SealedSecretException("a sealed secret that is not base64");
        }
        if (all.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SealedSecretException("a sealed secret too short to hold one");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(all, NONCE_BYTES), context);
            byte[] plain = cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
            return new Secret(new String(plain, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new SealedSecretException("a sealed secret that this key does not open (another key, another place, or changed)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    private Cipher cipher(int mode, byte[] nonce, String context) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "SecretBox[AES-256-GCM]";
    }

    /** A sealed value that does not open; the message says why, never what. */
    public static final class SealedSecretException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        SealedSecretException(String message) {
            super(message);
        }
    }
}
