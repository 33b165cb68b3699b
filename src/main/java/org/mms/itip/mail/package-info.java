/**
 * iMIP (RFC 6047) with Jakarta Mail (Angus): {@link org.mms.itip.mail.ComposeImipMessage} turns an
 * {@link org.mms.itip.ItipRequest} into a MIME message whose calendar part decodes to exactly the
 * request's bytes, and {@link org.mms.itip.mail.PickupDirectory} writes it as an {@code .eml} file.
 * An adapter: the only place in the itip feature that knows a mail library.
 */
package org.mms.itip.mail;
