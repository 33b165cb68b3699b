package org.mms.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mms.secret.Pkcs8;

/**
 * Reads a PEM certificate chain and private key into an in-memory key store, with the JDK alone.
 * Keys come as PKCS#8 ({@code BEGIN PRIVATE KEY}, any algorithm the JDK knows) or as PKCS#1 RSA
 * ({@code BEGIN RSA PRIVATE KEY}), which is wrapped into PKCS#8. Encrypted keys are refused with the
 * command that decrypts them. Messages name the files, never their content.
 */
final class PemKeyStore {

    /** The key store lives only in memory; its password protects nothing and is not a secret. */
    static final char[] PASSWORD = "mms".toCharArray();

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private PemKeyStore() {
    }

    static KeyStore load(Tls tls) {
        List<Certificate> chain;
        try {
            chain = List.copyOf(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(tls.certificate()))));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the TLS certificate " + tls.certificate() + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the TLS certificate " + tls.certificate() + " is not a PEM certificate");
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the TLS certificate " + tls.certificate() + " holds no certificate");
        }
        PrivateKey key = privateKey(tls, chain.getFirst().getPublicKey().getAlgorithm());
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("mms", key, PASSWORD, chain.toArray(Certificate[]::new));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("the TLS private key " + tls.privateKey() + " does not fit the certificate " + tls.certificate());
        }
    }

    private static PrivateKey privateKey(Tls tls, String algorithm) {
        String pem;
        try {
            pem = Files.readString(tls.privateKey(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the TLS private key " + tls.privateKey() + ": " + e.getMessage());
        }
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            String type = m.group(1);
            if (type.equals("ENCRYPTED PRIVATE KEY") || pem.contains("Proc-Type: 4,ENCRYPTED")) {
                throw new IllegalArgumentException("the TLS private key " + tls.privateKey() + " is encrypted; store it decrypted, readable only by "
                        + "the service (openssl pkey -in KEY -out KEY.pem)");
            }
            if (!type.endsWith("PRIVATE KEY")) {
                continue;
            }
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            byte[] pkcs8 = type.equals("RSA PRIVATE KEY") ? Pkcs8.fromPkcs1Rsa(der) : der;
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("the TLS private key " + tls.privateKey() + " is not a " + algorithm
                        + " key in PKCS#8 or PKCS#1 form, as the certificate needs");
            }
        }
        throw new IllegalArgumentException("the TLS private key " + tls.privateKey() + " holds no PEM private key (BEGIN PRIVATE KEY)");
    }
}
