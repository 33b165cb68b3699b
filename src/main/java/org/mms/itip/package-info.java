/**
 * iTIP (RFC 5546) REQUEST composition for changed meetings. The sub-package {@code mail} turns a
 * request into an iMIP (RFC 6047) MIME message.
 */
package org.mms.itip;
