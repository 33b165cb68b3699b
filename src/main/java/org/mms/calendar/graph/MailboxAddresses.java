package org.mms.calendar.graph;

import org.mms.calendar.Mailbox;

/** The address Graph knows a mailbox by ({@code /users/{upn}/…}): the user's UPN, from the directory. */
@FunctionalInterface
public interface MailboxAddresses {

    String upnOf(Mailbox mailbox);
}
