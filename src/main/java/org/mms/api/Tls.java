package org.mms.api;

import java.nio.file.Path;
import java.util.Objects;

/** HTTPS for the API: a PEM certificate (chain) and its PEM private key (PKCS#8, or PKCS#1 for RSA). */
public record Tls(Path certificate, Path privateKey) {
    public Tls {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(privateKey, "privateKey");
    }
}
