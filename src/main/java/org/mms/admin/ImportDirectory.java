package org.mms.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.mms.directory.AudioConferencing;
import org.mms.directory.Bridge;
import org.mms.directory.Directory;
import org.mms.directory.Tenant;
import org.mms.directory.TenantSettings;
import org.mms.directory.User;
import org.mms.directory.UserId;

/**
 * Brings the directory in line with an import document: tenant fields given are set, bridges and
 * users are added or updated by name and UPN. An import describes the organization as it is, so it
 * triggers no migrations; changes afterwards do.
 */
final class ImportDirectory {

    private final Directory directory;

    ImportDirectory(Directory directory) {
        this.directory = directory;
    }

    Views.ImportResult apply(Tenant tenant, ReadDirectoryImport.Document doc) {
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<String> notes = new ArrayList<>();
        Tenant current = tenant;
        if (doc.tenant().isPresent()) {
            Tenant next = withTenantPart(tenant, doc.tenant().get());
            if (!next.equals(tenant)) {
                directory.saveTenant(next);
                current = next;
                updated++;
            } else {
                unchanged++;
            }
        }
        for (ReadDirectoryImport.BridgePart b : doc.bridges()) {
            Optional<Bridge> existing = directory.bridgeByName(current.id(), b.name());
            Bridge bridge = new Bridge(existing.map(Bridge::id).orElse(UUID.randomUUID().toString()), current.id(), b.name(), b.numbers(),
                    b.defaultNumber());
            if (existing.isPresent() && existing.get().equals(bridge)) {
                unchanged++;
                continue;
            }
            directory.saveBridge(bridge);
            if (existing.isPresent()) {
                updated++;
            } else {
                created++;
            }
        }
        for (ReadDirectoryImport.UserPart u : doc.users()) {
            Optional<Bridge> bridge = u.audio().bridge().map(name -> directory.bridgeByName(tenant.id(), name)
                    .orElseThrow(() -> new AdminException.BadRequest("user " + u.upn() + ": no bridge " + name)));
            bridge.ifPresent(b -> checkNumber(u, b, u.audio().serviceNumber()));
            bridge.ifPresent(b -> checkNumber(u, b, u.audio().tollFreeServiceNumber()));
            Optional<Directory.Versioned<User>> existing = directory.findUser(tenant.id(), u.upn());
            AudioConferencing audio = new AudioConferencing(u.audio().licensed(), u.audio().enabled(), u.audio().provider(),
                    bridge.map(Bridge::id), u.audio().serviceNumber().or(() -> bridge.flatMap(Bridge::defaultNumber)),
                    u.audio().tollFreeServiceNumber(), u.audio().conferenceId(), u.audio().publicMeetings(), u.audio().acpNumbers(),
                    u.audio().acpConferenceId());
            Set<String> aliases = new LinkedHashSet<>(u.aliases());
            User user = new User(existing.map(v -> v.value().id()).orElseGet(UserId::random), tenant.id(), u.upn(),
                    u.sipAddress().orElse(u.upn()), u.displayName().orElse(u.upn()), aliases, u.hosting(), u.pool(), u.mailbox(),
                    u.meetingType(), u.upgradeMode(), audio, u.locale(), u.objectId());
            boolean calendarMoved = existing.isPresent() && !directory.calendarUrl(tenant.id(), user.id()).equals(u.calendarUrl());
            if (existing.isEmpty()) {
                directory.addUser(user);
                created++;
            } else if (!existing.get().value().equals(user)) {
                directory.updateUser(user, existing.get().version());
                updated++;
            } else if (calendarMoved) {
                updated++;
            } else {
                unchanged++;
            }
            if (existing.isEmpty() ? u.calendarUrl().isPresent() : calendarMoved) {
                directory.saveCalendarUrl(tenant.id(), user.id(), u.calendarUrl());
            }
        }
        return new Views.ImportResult("directory", created, updated, unchanged, notes);
    }

    private static void checkNumber(ReadDirectoryImport.UserPart u, Bridge b, Optional<String> number) {
        number.filter(n -> b.number(n).isEmpty()).ifPresent(n -> {
            throw new AdminException.BadRequest("user " + u.upn() + ": " + n + " is not a number of bridge " + b.name());
        });
    }

    private static Tenant withTenantPart(Tenant t, ReadDirectoryImport.TenantPart p) {
        TenantSettings s = t.settings();
        TenantSettings settings = new TenantSettings(p.meetingMigrationEnabled().orElse(s.meetingMigrationEnabled()),
                p.automaticallyMigrateUserMeetings().orElse(s.automaticallyMigrateUserMeetings()),
                p.automaticallyReplaceAcpProvider().orElse(s.automaticallyReplaceAcpProvider()),
                p.migrateOnSipAddressChange().orElse(s.migrateOnSipAddressChange()),
                p.migrateOnMeetingUrlChange().orElse(s.migrateOnMeetingUrlChange()), p.settleWindow().orElse(s.settleWindow()),
                p.attendeeLimit().orElse(s.attendeeLimit()), s.retryAttempts(), s.retryWindow(), s.retention(),
                p.onlineMeetingUrl().orElse(s.onlineMeetingUrl()), p.onPremisesMeetingUrl().orElse(s.onPremisesMeetingUrl()),
                p.teamsJoinUrlTemplate().orElse(s.teamsJoinUrlTemplate()), p.localNumbersUrl().or(s::localNumbersUrl),
                p.pinResetUrl().or(s::pinResetUrl), p.helpUrl().or(s::helpUrl),
                p.requireAddInProperties().orElse(s.requireAddInProperties()), s.customFooter(), s.pacing());
        return new Tenant(t.id(), p.name().orElse(t.name()), p.domains().orElse(t.domains()), settings);
    }
}
