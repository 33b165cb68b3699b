package org.mms.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The tenant-wide cmdlets: the migration switch and MMS's settings, the dial-in settings MMS honours, the meeting URL. */
final class TenantCmdlets {

    private TenantCmdlets() {
    }

    @Command(name = "Get-CsCalendarStore",
            description = {"Shows where the tenant's calendars live: the embedded store, a CalDAV server or Exchange Online.", "",
                "The password, client secret and certificate are never shown, only whether one is set."})
    static final class GetCsCalendarStore extends Cmdlet {
        @Override
        Answer call(MmsClient server) {
            return new Answer(server.get(MmsClient.path("tenant", "calendar-store"), Map.of()), PsFormat.list());
        }
    }

    @Command(name = "Set-CsCalendarStore",
            description = {"Sets where the tenant's calendars live.", "",
                "-Kind CalDav with -Url (the server), -CalendarPath (each user's calendar; {user} is the UPN's local part, "
                    + "{upn} the whole UPN; default /{user}/calendar/), -UserName and the password (the service account), "
                    + "-Scheduling Auto|ServerSchedules|MmsSends (whether the server sends attendees the updates itself). "
                    + "-Kind Graph puts them on Exchange Online, through Microsoft Graph as an Entra ID application: "
                    + "-DirectoryTenantId and -ClientId (GUIDs from the app registration's Overview), and -ClientSecretFile or "
                    + "-CertificateFile (PEM with the private key, or PFX with -CertificatePasswordFile); -GraphUrl and -AuthorityUrl "
                    + "for a national cloud; -MaxRequestsPerMailbox (1 to 4, default 4) and -MaxRequestsInFlight (1 to 1000, "
                    + "default 64) for the requests kept in flight. "
                    + "-Kind Embedded keeps them in MMS's own database.", "",
                "The password, best kept off the command line: -PasswordFile FILE, -Password - (read from standard input), "
                    + "or the environment variable " + SetCsCalendarStore.PASSWORD_ENV + "; -Password VALUE works too. "
                    + "The server is tried with the settings before they are saved (-SkipValidation saves anyway). Plain http "
                    + "is refused to any host but this machine unless -AllowInsecureHttp."})
    static final class SetCsCalendarStore extends Cmdlet {
        /** Where the password comes from when no parameter gives it. */
        static final String PASSWORD_ENV = "MMS_STORE_PASSWORD";

        @Option(names = "-Kind", paramLabel = "<kind>", description = "Embedded or CalDav.")
        String kind;

        @Option(names = "-Url", paramLabel = "<url>", description = "The CalDAV server, e.g. https://dav.contoso.com/.")
        String url;

        @Option(names = "-CalendarPath", paramLabel = "<path>", description = "Each user's calendar collection, e.g. /{user}/calendar/.")
        String calendarPath;

        @Option(names = "-UserName", paramLabel = "<name>", description = "The account MMS signs in with.")
        String userName;

        @Option(names = "-PasswordFile", paramLabel = "<file>", description = "A file holding the password (its first line).")
        java.nio.file.Path passwordFile;

        @Option(names = "-Password", paramLabel = "<password>", description = "The password, or - to read it from standard input "
                + "(never shown back).")
        String password;

        @Option(names = "-Scheduling", paramLabel = "<mode>", description = "Auto, ServerSchedules or MmsSends.")
        String scheduling;

        @Option(names = "-AllowInsecureHttp", description = "Allow a plain http URL to a host other than this machine.")
        boolean allowInsecureHttp;

        @Option(names = "-SkipValidation", description = "Save without trying the settings on the server first.")
        boolean skipValidation;

        @Option(names = "-DirectoryTenantId", paramLabel = "<guid>", description = "Graph: the organization's Entra ID tenant id.")
        String directoryTenantId;

        @Option(names = "-ClientId", paramLabel = "<guid>", description = "Graph: the app registration's application (client) id.")
        String clientId;

        @Option(names = "-ClientSecretFile", paramLabel = "<file>", description = "Graph: a file holding the client secret (its first line).")
        java.nio.file.Path clientSecretFile;

        @Option(names = "-CertificateFile", paramLabel = "<file>",
                description = "Graph: the certificate with its private key, PEM or PFX (instead of a client secret).")
        java.nio.file.Path certificateFile;

        @Option(names = "-CertificatePasswordFile", paramLabel = "<file>", description = "Graph: a file holding the PFX's password (its first line).")
        java.nio.file.Path certificatePasswordFile;

        @Option(names = "-GraphUrl", paramLabel = "<url>", description = "Graph: Microsoft Graph's root, default https://graph.microsoft.com/v1.0.")
        String graphUrl;

        @Option(names = "-AuthorityUrl", paramLabel = "<url>", description = "Graph: Entra ID's sign-in host, default https://login.microsoftonline.com.")
        String authorityUrl;

        @Option(names = "-MaxRequestsPerMailbox", paramLabel = "<n>",
                description = "Graph: requests in flight to one mailbox at most, 1 to 4 (default 4, Exchange's limit).")
        Integer maxRequestsPerMailbox;

        @Option(names = "-MaxRequestsInFlight", paramLabel = "<n>",
                description = "Graph: requests in flight to Graph from one MMS process at most, 1 to 1000 (default 64).")
        Integer maxRequestsInFlight;

        @Override
        Answer call(MmsClient server) {
            if (clientSecretFile != null && certificateFile != null) {
                throw usage("give -ClientSecretFile or -CertificateFile, not both");
            }
            if (certificatePasswordFile != null && certificateFile == null) {
                throw usage("-CertificatePasswordFile goes with the -CertificateFile it opens");
            }
            Map<String, Object> change = given("Kind", kind, "Url", url, "CalendarPath", calendarPath, "UserName", userName,
                    "Password", password(), "Scheduling", scheduling, "AllowInsecureHttp", allowInsecureHttp ? true : null,
                    "SkipValidation", skipValidation ? true : null, "DirectoryTenantId", directoryTenantId, "ClientId", clientId,
                    "ClientSecret", clientSecretFile == null ? null : firstLine(read(clientSecretFile, "-ClientSecretFile"), "-ClientSecretFile", "client secret"),
                    "Certificate", certificateFile == null ? null
                            : java.util.Base64.getEncoder().encodeToString(readBytes(certificateFile, "-CertificateFile")),
                    "CertificatePassword", certificatePasswordFile == null ? null
                            : firstLine(read(certificatePasswordFile, "-CertificatePasswordFile"), "-CertificatePasswordFile",
                            "certificate password"),
                    "GraphUrl", graphUrl, "AuthorityUrl", authorityUrl, "MaxRequestsPerMailbox", maxRequestsPerMailbox,
                    "MaxRequestsInFlight", maxRequestsInFlight);
            return new Answer(server.send("PATCH", MmsClient.path("tenant", "calendar-store"), change), PsFormat.list());
        }

        /** The file's bytes, or a usage error naming the parameter and the file (never its content). */
        private byte[] readBytes(java.nio.file.Path file, String parameter) {
            try {
                return java.nio.file.Files.readAllBytes(file);
            } catch (java.io.IOException e) {
                throw usage("cannot read the " + parameter + " " + file + ": " + (e instanceof java.nio.file.NoSuchFileException
                        ? "no such file" : e instanceof java.nio.file.AccessDeniedException ? "permission denied" : e.getMessage()));
            }
        }

        private String read(java.nio.file.Path file, String parameter) {
            return new String(readBytes(file, parameter), java.nio.charset.StandardCharsets.UTF_8);
        }

        /**
         * From -PasswordFile, -Password - (standard input), -Password, or the environment, in that order; none leaves it
         * as it is. The environment is not asked for an Exchange Online store, which has no password.
         */
        private String password() {
            if (passwordFile != null && password != null) {
                throw usage("give the password one way: -PasswordFile or -Password");
            }
            try {
                if (passwordFile != null) {
                    return firstLine(java.nio.file.Files.readString(passwordFile, java.nio.charset.StandardCharsets.UTF_8), "-PasswordFile");
                }
                if ("-".equals(password)) {
                    return firstLine(new String(mms.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), "standard input");
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return password != null ? password : "graph".equalsIgnoreCase(kind) ? null : mms.env.get(PASSWORD_ENV);
        }

        /** The first line without its line break: what {@code echo secret > file} or a pipe gives. */
        private String firstLine(String text, String where) {
            return firstLine(text, where, "password");
        }

        private String firstLine(String text, String where, String what) {
            String line = text.lines().findFirst().orElse("");
            if (line.isEmpty()) {
                throw usage("no " + what + " in " + where);
            }
            return line;
        }
    }

    @Command(name = "Get-CsTenantMigrationConfiguration",
            description = {"Shows whether MMS migrates meetings, and its settings.", "",
                "MeetingMigrationEnabled is the tenant-wide switch; the others are MMS's own knobs."})
    static final class GetCsTenantMigrationConfiguration extends Cmdlet {
        @Override
        Answer call(MmsClient server) {
            return new Answer(server.get(MmsClient.path("tenant", "migration-configuration"), Map.of()), PsFormat.list());
        }
    }

    @Command(name = "Set-CsTenantMigrationConfiguration",
            description = {"Turns MMS on or off, or changes its settings.", "",
                "-MeetingMigrationEnabled $false stops all migrations in the tenant. Parameters not given stay as they are.", "",
                "The custom footer is the organization's own text at the end of every block MMS writes (video-system and "
                    + "Jabber instructions, a logo, a help desk line); without one, such text in a replaced block is lost. "
                    + "Give its text, its HTML or both, each inline or from a file: either replaces the whole footer "
                    + "(given only the text, the HTML shows it escaped; given only the HTML, the text is what it shows), "
                    + "and -CustomFooterText '' removes it.", "",
                "-RequireApproval $true makes every migration wait in AwaitingApproval until Approve-CsMeetingMigration; "
                    + "-ApprovalThresholdMeetings 50 makes only those that would update more than 50 meetings wait."})
    static final class SetCsTenantMigrationConfiguration extends Cmdlet {
        @Option(names = "-MeetingMigrationEnabled", arity = "1", paramLabel = "<bool>", description = "Migrate meetings at all.")
        Boolean meetingMigrationEnabled;

        @Option(names = "-SettleWindowSeconds", paramLabel = "<s>", description = "How long a request waits so that changes in a burst coalesce.")
        Long settleWindowSeconds;

        @Option(names = "-AttendeeLimit", paramLabel = "<n>", description = "Leave meetings with more attendees, organizer included, alone.")
        Integer attendeeLimit;

        @Option(names = "-RetryAttempts", paramLabel = "<n>", description = "How often failed meetings are retried.")
        Integer retryAttempts;

        @Option(names = "-RetryWindowSeconds", paramLabel = "<s>", description = "Over how long the retries spread.")
        Long retryWindowSeconds;

        @Option(names = "-RetentionDays", paramLabel = "<days>", description = "How long migration records are kept.")
        Long retentionDays;

        @Option(names = "-MigrateOnSipAddressChange", arity = "1", paramLabel = "<bool>", description = "Queue a migration when a SIP address changes.")
        Boolean migrateOnSipAddressChange;

        @Option(names = "-MigrateOnMeetingUrlChange", arity = "1", paramLabel = "<bool>", description = "Queue migrations on Update-CsTenantMeetingUrl.")
        Boolean migrateOnMeetingUrlChange;

        @Option(names = "-RequireAddInProperties", arity = "1", paramLabel = "<bool>",
                description = "Migrate only meetings carrying the add-in's properties (the original service's rule); when off, a block "
                    + "showing the organizer's join link or conference ID counts too.")
        Boolean requireAddInProperties;

        @Option(names = "-RequireApproval", arity = "1", paramLabel = "<bool>",
                description = "Every migration waits for Approve-CsMeetingMigration (or ends with Deny-CsMeetingMigration).")
        Boolean requireApproval;

        @Option(names = "-ApprovalThresholdMeetings", paramLabel = "<n|None>",
                description = "A migration that would update more meetings than this waits for approval even without -RequireApproval; "
                    + "None removes the threshold.")
        String approvalThresholdMeetings;

        @Option(names = "-CustomFooterText", paramLabel = "<text>", description = "The custom footer's text ('' removes the footer).")
        String customFooterText;

        @Option(names = "-CustomFooterTextFile", paramLabel = "<file>", description = "A UTF-8 file holding the custom footer's text.")
        java.nio.file.Path customFooterTextFile;

        @Option(names = "-CustomFooterHtml", paramLabel = "<html>",
                description = "The custom footer's HTML: p, br, div, span, b, i, strong, em, a href, img src (https).")
        String customFooterHtml;

        @Option(names = "-CustomFooterHtmlFile", paramLabel = "<file>", description = "A UTF-8 file holding the custom footer's HTML.")
        java.nio.file.Path customFooterHtmlFile;

        @Option(names = "-MaxUpdatesPerHour", paramLabel = "<n>",
                description = "At most this many update messages in any rolling hour; the rest wait in the outbox (0: no limit).")
        Integer maxUpdatesPerHour;

        @Option(names = "-QuietHoursStart", paramLabel = "<HH:mm>", description = "From this time no update messages go out ('' removes the quiet hours).")
        String quietHoursStart;

        @Option(names = "-QuietHoursEnd", paramLabel = "<HH:mm>", description = "Until this time; may be the next day (22:00 to 06:30).")
        String quietHoursEnd;

        @Option(names = "-QuietHoursTimeZone", paramLabel = "<zone>", description = "The IANA time zone of the quiet hours, e.g. Europe/Berlin (UTC if never given).")
        String quietHoursTimeZone;

        @Option(names = "-NotifyOrganizerBeforeMinutes", paramLabel = "<minutes>",
                description = "Send the organizer a notice listing the meetings a migration will update, this many minutes "
                    + "before the updates go out (0: no notice; at most 10080, a week).")
        Integer notifyOrganizerBeforeMinutes;

        @Override
        Answer call(MmsClient server) {
            Map<String, Object> change = given("MeetingMigrationEnabled", meetingMigrationEnabled, "SettleWindowSeconds", settleWindowSeconds,
                    "AttendeeLimit", attendeeLimit, "RetryAttempts", retryAttempts, "RetryWindowSeconds", retryWindowSeconds,
                    "RetentionDays", retentionDays, "MigrateOnSipAddressChange", migrateOnSipAddressChange,
                    "MigrateOnMeetingUrlChange", migrateOnMeetingUrlChange, "RequireAddInProperties", requireAddInProperties,
                    "CustomFooterText", inlineOrFile(customFooterText, "-CustomFooterText", customFooterTextFile, "-CustomFooterTextFile"),
                    "CustomFooterHtml", inlineOrFile(customFooterHtml, "-CustomFooterHtml", customFooterHtmlFile, "-CustomFooterHtmlFile"),
                    "RequireApproval", requireApproval, "ApprovalThresholdMeetings", threshold(approvalThresholdMeetings),
                    "MaxUpdatesPerHour", maxUpdatesPerHour, "QuietHoursStart", quietHoursStart, "QuietHoursEnd", quietHoursEnd,
                    "QuietHoursTimeZone", quietHoursTimeZone, "NotifyOrganizerBeforeMinutes", notifyOrganizerBeforeMinutes);
            return new Answer(server.send("PATCH", MmsClient.path("tenant", "migration-configuration"), change), PsFormat.list());
        }

        /** A number of meetings goes as a JSON number, anything else (None) as text for the server to judge. */
        private static Object threshold(String given) {
            if (given == null) {
                return null;
            }
            String v = given.strip();
            return v.matches("[0-9]{1,9}") ? (Object) Integer.valueOf(v) : v;
        }

        /** The value given inline or the whole file's content; null when neither is given, a usage error when both are. */
        private String inlineOrFile(String inline, String inlineName, java.nio.file.Path file, String fileName) {
            if (inline != null && file != null) {
                throw usage("give " + inlineName + " or " + fileName + ", not both");
            }
            if (file == null) {
                return inline;
            }
            try {
                return java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Command(name = "Get-CsOnlineDialInConferencingTenantSettings",
            description = {"Shows the dial-in conferencing switches MMS honours.", "",
                "AutomaticallyMigrateUserMeetings: audio-conferencing changes migrate meetings. AutomaticallyReplaceAcpProvider: "
                    + "assigning the licence switches a third-party-ACP user to Microsoft."})
    static final class GetCsOnlineDialInConferencingTenantSettings extends Cmdlet {
        @Override
        Answer call(MmsClient server) {
            return new Answer(server.get(MmsClient.path("tenant", "dial-in-conferencing-settings"), Map.of()), PsFormat.list());
        }
    }

    @Command(name = "Set-CsOnlineDialInConferencingTenantSettings",
            description = {"Changes the dial-in conferencing switches MMS honours.", "",
                "With -AutomaticallyMigrateUserMeetings $false, audio-conferencing changes no longer migrate meetings; moves "
                    + "online and TeamsUpgradePolicy grants still do. Parameters not given stay as they are."})
    static final class SetCsOnlineDialInConferencingTenantSettings extends Cmdlet {
        @Option(names = "-AutomaticallyMigrateUserMeetings", arity = "1", paramLabel = "<bool>",
                description = "Migrate meetings when a user's audio-conferencing coordinates change.")
        Boolean automaticallyMigrateUserMeetings;

        @Option(names = "-AutomaticallyReplaceAcpProvider", arity = "1", paramLabel = "<bool>",
                description = "Switch a third-party-ACP user to Microsoft when the licence is assigned.")
        Boolean automaticallyReplaceAcpProvider;

        @Override
        Answer call(MmsClient server) {
            Map<String, Object> change = given("AutomaticallyMigrateUserMeetings", automaticallyMigrateUserMeetings,
                    "AutomaticallyReplaceAcpProvider", automaticallyReplaceAcpProvider);
            return new Answer(server.send("PATCH", MmsClient.path("tenant", "dial-in-conferencing-settings"), change), PsFormat.list());
        }
    }

    @Command(name = "Update-CsTenantMeetingUrl",
            description = {"Switches the tenant's meeting URLs to the vanity-domain format.", "",
                "Meetings are migrated only if MigrateOnMeetingUrlChange is on (Set-CsTenantMigrationConfiguration); "
                    + "otherwise organizers must reschedule them."})
    static final class UpdateCsTenantMeetingUrl extends Cmdlet {
        @Mixin
        WhatIfParameter whatIf;

        @Override
        Answer call(MmsClient server) {
            return new Answer(server.send("POST", whatIf.path(MmsClient.path("tenant", "meeting-url", "update")), Map.of()), whatIf.format());
        }
    }
}
