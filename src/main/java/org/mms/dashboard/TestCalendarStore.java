package org.mms.dashboard;

import io.javalin.http.Context;
import java.util.Optional;
import org.mms.access.Role;
import org.mms.admin.Admin;

/** "Test the connection": tries the saved calendar store and shows the settings with the outcome (never a secret). */
final class TestCalendarStore implements Action {

    private final Admin admin;
    private final SettingsPage settings;

    TestCalendarStore(Admin admin, SettingsPage settings) {
        this.admin = admin;
        this.settings = settings;
    }

    @Override
    public String path() {
        return "/settings/calendar-store/test";
    }

    @Override
    public Role needs() {
        return Role.ADMIN;
    }

    @Override
    public Done run(Context ctx, Visitor visitor) {
        return new Shown(200, settings.page(visitor, Optional.of(admin.testCalendarStore(visitor.tenant()))));
    }
}
