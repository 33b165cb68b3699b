/**
 * iTIP (RFC 5546) REQUEST composition for changed meetings: {@link org.mms.itip.ItipRequest} is what
 * gets mailed, {@link org.mms.itip.ComposeRequestCalendar} builds its calendar from the stored bytes
 * without a serializer, {@link org.mms.itip.AddSentBy} marks the mailed copy as sent on the
 * organizer's behalf, and {@link org.mms.itip.Mailer} is the port that delivers it: a
 * {@link org.mms.itip.Delivery} when the mail system took it, a
 * {@link org.mms.itip.MailRejectedException} (permanent or not) when it did not.
 * {@link org.mms.itip.SendOutbox} runs one sending round over the durable
 * {@link org.mms.itip.MessageOutbox}. Pure: no I/O and no mail library; the sub-package {@code mail}
 * turns a request into an iMIP (RFC 6047) MIME message and sends it.
 */
package org.mms.itip;
