package org.mms.calendar;

import java.util.Objects;
import org.mms.directory.TenantId;
import org.mms.directory.UserId;

/**
 * One organizer's calendar in a store: the tenant and the user it belongs to. Every store operation
 * names its mailbox, so no call can reach another user's or another tenant's resources.
 */
public record Mailbox(TenantId tenant, UserId user) {

    public Mailbox {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(user, "user");
    }

    @Override
    public String toString() {
        return tenant + "/" + user;
    }
}
