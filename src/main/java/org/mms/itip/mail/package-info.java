/**
 * iMIP (RFC 6047) with Jakarta Mail (Angus): {@link org.mms.itip.mail.ComposeImipMessage} turns an
 * {@link org.mms.itip.ItipRequest} into a MIME message whose calendar part decodes to exactly the
 * request's bytes (with SENT-BY added when it is sent on the organizer's behalf);
 * {@link org.mms.itip.mail.PickupDirectory} writes it as an {@code .eml} file and
 * {@link org.mms.itip.mail.SmtpMailer} sends it over SMTP, failures classified in one place
 * ({@code ClassifySmtpFailure}). An adapter: the only place in the itip feature that knows a mail library.
 */
package org.mms.itip.mail;
