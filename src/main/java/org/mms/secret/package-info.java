/**
 * Secrets MMS keeps: the {@link org.mms.secret.Secret} type that never shows itself, the
 * {@link org.mms.secret.SecretBox} that seals a secret before it is stored (AES-256-GCM), and the
 * {@link org.mms.secret.SecretKeyFile} that holds the key outside the database, so that a copy of the
 * database alone reveals no password.
 */
package org.mms.secret;
