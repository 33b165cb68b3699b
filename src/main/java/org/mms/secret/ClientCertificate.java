package org.mms.secret;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A certificate an application signs in with, and its private key, read from what an admin exports: PEM
 * (the certificate and an unencrypted PKCS#8 or PKCS#1 RSA key in one file) or PFX/PKCS#12 (with its
 * password). Messages say what is wrong with the file, never what is in it.
 *
 * @param key   signs the sign-in assertion
 * @param chain the certificate first, then any issuers the file holds
 */
public record ClientCertificate(PrivateKey key, List<X509Certificate> chain) {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    public ClientCertificate {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a client certificate needs its certificate");
        }
    }

    /** The certificate the key belongs to. */
    public X509Certificate certificate() {
        return chain.getFirst();
    }

    /** SHA-1 of the certificate, in hex: what Entra's app registration lists under "Certificates". */
    public String thumbprint() {
        try {
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(certificate().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is not available in this JDK", e);
        }
    }

    /** Whether the bytes look like PEM (text with a BEGIN line) rather than a binary PFX. */
    public static boolean isPem(byte[] file) {
        return new String(file, StandardCharsets.US_ASCII).contains("-----BEGIN ");
    }

    /**
     * The certificate and key in {@code file}: PEM when it has PEM blocks, PFX otherwise.
     *
     * @param password a PFX's password; a PEM file takes none (its key must be unencrypted)
     * @throws IllegalArgumentException saying what is wrong, without the file's content or the password
     */
    public static ClientCertificate read(byte[] file, Optional<Secret> password) {
        return isPem(file) ? pem(file) : pfx(file, password);
    }

    private static ClientCertificate pem(byte[] file) {
        String text = new String(file, StandardCharsets.US_ASCII);
        List<X509Certificate> chain = new ArrayList<>();
        Optional<byte[]> key = Optional.empty();
        String keyType = "";
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            if (type.equals("CERTIFICATE")) {
                chain.add(certificate(der));
            } else if (type.equals("ENCRYPTED PRIVATE KEY") || text.contains("Proc-Type: 4,ENCRYPTED")) {
                throw new IllegalArgumentException("the certificate's private key is encrypted; give it decrypted in the PEM file "
                        + "(openssl pkey -in KEY -out KEY.pem) or give a PFX file with its password");
            } else if (type.endsWith("PRIVATE KEY")) {
                key = Optional.of(der);
                keyType = type;
            }
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the PEM file holds no certificate (BEGIN CERTIFICATE)");
        }
        byte[] pkcs8 = key.orElseThrow(() -> new IllegalArgumentException(
                "the PEM file holds no private key (BEGIN PRIVATE KEY): MMS signs in with the key, so both go in the file"));
        if (keyType.equals("RSA PRIVATE KEY")) {
            pkcs8 = Pkcs8.fromPkcs1Rsa(pkcs8);
        }
        String algorithm = chain.getFirst().getPublicKey().getAlgorithm();
        try {
            return new ClientCertificate(KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8)), chain);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the PEM file's private key is not a " + algorithm + " key in PKCS#8 or PKCS#1 form, "
                    + "as its certificate needs");
        }
    }

    private static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the PEM file holds a certificate block that is not an X.509 certificate");
        }
    }

    private static ClientCertificate pfx(byte[] file, Optional<Secret> password) {
        char[] pass = password.map(p -> p.reveal().toCharArray()).orElse(new char[0]);
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(file), pass);
        } catch (IOException e) {
            // The JDK says "keystore password was incorrect" through an IOException whose cause is unrecoverable.
            if (e.getCause() instanceof java.security.UnrecoverableKeyException || String.valueOf(e.getMessage()).contains("password")) {
                throw new IllegalArgumentException(password.isPresent() ? "the certificate password does not open the PFX file"
                        : "the PFX file needs its password (CertificatePasswordFile)");
            }
            throw new IllegalArgumentException("the certificate file is neither PEM nor a PFX (PKCS#12) file");
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the PFX file cannot be read: " + e.getClass().getSimpleName());
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getKey(alias, pass) instanceof PrivateKey key) {
                    List<X509Certificate> chain = new ArrayList<>();
                    Certificate[] certificates = store.getCertificateChain(alias);
                    for (Certificate c : certificates == null ? new Certificate[0] : certificates) {
                        chain.add((X509Certificate) c);
                    }
                    if (chain.isEmpty()) {
                        break;
                    }
                    return new ClientCertificate(key, chain);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the PFX file's private key does not open with the certificate password");
        }
        throw new IllegalArgumentException("the PFX file holds no private key with its certificate: export it with the private key");
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "ClientCertificate[" + certificate().getSubjectX500Principal().getName() + ", thumbprint " + thumbprint() + "]";
    }
}
