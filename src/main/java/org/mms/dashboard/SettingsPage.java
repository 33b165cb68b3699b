package org.mms.dashboard;

import static org.mms.dashboard.Markup.el;
import static org.mms.dashboard.Markup.textEl;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mms.admin.Admin;
import org.mms.admin.Views;

/**
 * The tenant's migration settings and its calendar store, for admins (the API shows them to admins only).
 * Secrets are never here: the calendar store view says only whether one is set.
 */
final class SettingsPage {

    private final Admin admin;

    SettingsPage(Admin admin) {
        this.admin = admin;
    }

    /** The page, with the outcome of a connection test when one was just run. */
    Markup page(Visitor visitor, Optional<Optional<String>> tested) {
        Views.MigrationConfiguration c = admin.migrationConfiguration(visitor.tenant());
        Views.CalendarStore s = admin.calendarStore(visitor.tenant());
        List<Markup> parts = new ArrayList<>();
        parts.add(el("section", textEl("h2", "Migration settings"), Layout.fields(migrationSettings(c))));
        List<String[]> store = new ArrayList<>(List.of(new String[] {"Kind", s.Kind()}, new String[] {"Url", shown(s.Url())},
                new String[] {"CalendarPath", shown(s.CalendarPath())}, new String[] {"UserName", shown(s.UserName())},
                new String[] {"PasswordSet", String.valueOf(s.PasswordSet())}, new String[] {"Scheduling", shown(s.Scheduling())},
                new String[] {"AllowInsecureHttp", String.valueOf(s.AllowInsecureHttp())}));
        if (s.ClientId() != null) {
            store.addAll(List.of(new String[] {"DirectoryTenantId", shown(s.DirectoryTenantId())}, new String[] {"ClientId", s.ClientId()},
                    new String[] {"ClientSecretSet", String.valueOf(s.ClientSecretSet())},
                    new String[] {"CertificateSet", String.valueOf(s.CertificateSet())},
                    new String[] {"CertificateThumbprint", shown(s.CertificateThumbprint())}, new String[] {"GraphUrl", shown(s.GraphUrl())},
                    new String[] {"AuthorityUrl", shown(s.AuthorityUrl())}));
        }
        List<Markup> storePart = new ArrayList<>(List.of(textEl("h2", "Calendar store"), Layout.fields(store),
                Layout.postForm("/settings/calendar-store/test", visitor, "Test the connection", "primary")));
        tested.ifPresent(problem -> storePart.add(problem.map(p -> Layout.note("error", "The calendar store does not work: " + p))
                .orElseGet(() -> Layout.note("ok", "The calendar store works."))));
        parts.add(el("section", Markup.join(storePart)));
        parts.add(textEl("p", "Change them with Set-CsTenantMigrationConfiguration and Set-CsCalendarStore."));
        return Layout.page("Settings", visitor, "/settings", Markup.join(parts));
    }

    /**
     * Every setting Get-CsTenantMigrationConfiguration shows, under its name there and in its order: read from the
     * view's components, so a setting added to the view cannot be missing here.
     */
    static List<String[]> migrationSettings(Views.MigrationConfiguration c) {
        List<String[]> rows = new ArrayList<>();
        for (RecordComponent component : Views.MigrationConfiguration.class.getRecordComponents()) {
            Object value;
            try {
                value = component.getAccessor().invoke(c);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read the setting " + component.getName(), e);
            }
            String name = component.getName().equals("CustomFooterHtml") ? "CustomFooterHtml (source)" : component.getName();
            rows.add(new String[] {name, value == null ? "(none)" : String.valueOf(value)});
        }
        return rows;
    }

    private static String shown(String value) {
        return value == null ? "(none)" : value;
    }
}
