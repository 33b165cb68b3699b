package org.mms.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Certificates made for a test run with the JDK's keytool, so no private key is committed and nothing
 * expires in the repository: one for a TLS server on this machine, and client certificates an
 * application signs in with, as the PFX and PEM files an admin would export.
 */
public final class KeytoolCertificates {

    private KeytoolCertificates() {
    }

    /** A PFX (PKCS#12) file holding an RSA key and its self-signed certificate for {@code subject}, opened by {@code password}. */
    public static byte[] pfx(String subject, String password, String... extensions) {
        try {
            Path dir = Files.createTempDirectory("mms-keytool");
            Path file = dir.resolve("key.p12");
            List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                    "-genkeypair", "-alias", "mms", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + subject, "-validity", "2",
                    "-keystore", file.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password));
            for (String extension : extensions) {
                command.addAll(List.of("-ext", extension));
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            Files.delete(dir);
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The PFX's certificate and unencrypted PKCS#8 key as one PEM file. */
    public static byte[] pem(byte[] pfx, String password) {
        KeyStore store = load(pfx, password);
        try {
            PrivateKey key = (PrivateKey) store.getKey("mms", password.toCharArray());
            Certificate certificate = store.getCertificate("mms");
            Base64.Encoder base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
            String pem = "-----BEGIN CERTIFICATE-----\n" + base64.encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n"
                    + "-----BEGIN PRIVATE KEY-----\n" + base64.encodeToString(key.getEncoded()) + "\n-----END PRIVATE KEY-----\n";
            return pem.getBytes(StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyStore load(byte[] pfx, String password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pfx), password.toCharArray());
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a TLS server presenting the PFX's key listens with. */
    public static SSLContext server(byte[] pfx, String password) {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(pfx, password), password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client context that trusts the PFX's certificate and nothing else. */
    public static SSLContext trusting(byte[] pfx, String password) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("server", load(pfx, password).getCertificate("mms"));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
