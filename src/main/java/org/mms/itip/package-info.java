/**
 * iTIP (RFC 5546) REQUEST composition for changed meetings: {@link org.mms.itip.ItipRequest} is what
 * gets mailed, {@link org.mms.itip.ComposeRequestCalendar} builds its calendar from the stored bytes
 * without a serializer, and {@link org.mms.itip.Mailer} is the port that delivers it. Pure: no I/O and
 * no mail library; the sub-package {@code mail} turns a request into an iMIP (RFC 6047) MIME message.
 */
package org.mms.itip;
