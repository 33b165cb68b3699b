package org.mms.secret;

/**
 * Private keys in the form Java's {@code KeyFactory} reads (PKCS#8). OpenSSL and older tools write RSA keys
 * as PKCS#1 ({@code BEGIN RSA PRIVATE KEY}); both the TLS key and an app's certificate key may come so.
 */
public final class Pkcs8 {

    /** DER of the PKCS#8 AlgorithmIdentifier for rsaEncryption (1.2.840.113549.1.1.1, NULL parameters). */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
        0x01, 0x05, 0x00};

    private Pkcs8() {
    }

    /** PKCS#1 RSAPrivateKey into PKCS#8: SEQUENCE { INTEGER 0, AlgorithmIdentifier, OCTET STRING { key } }. */
    public static byte[] fromPkcs1Rsa(byte[] pkcs1) {
        return der(0x30, concat(new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM, der(0x04, pkcs1)));
    }

    private static byte[] der(int tag, byte[] content) {
        int n = content.length;
        byte[] length = n < 0x80 ? new byte[] {(byte) n}
                : n < 0x100 ? new byte[] {(byte) 0x81, (byte) n}
                : n < 0x10000 ? new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n}
                : new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        return concat(new byte[] {(byte) tag}, length, content);
    }

    private static byte[] concat(byte[]... parts) {
        int size = 0;
        for (byte[] p : parts) {
            size += p.length;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
