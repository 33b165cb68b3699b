package org.mms.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mms.files.OwnerOnly;
import picocli.CommandLine.Command;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Getting data into the service: the directory document, calendar exports, and online meetings as the scheduling add-in makes them. */
final class ImportCmdlets {

    private ImportCmdlets() {
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Command(name = "Import-CsDirectory", description = {"Loads tenant settings, bridges and users.", "",
        "The file is the directory document (JSON, see the README)."})
    static final class ImportCsDirectory extends Cmdlet {
        @Option(names = "-Path", required = true, paramLabel = "<file.json>", description = "The directory document.")
        Path path;

        @Override
        Answer call(MmsClient server) {
            return new Answer(server.send("POST", MmsClient.path("directory", "import"), read(path), "application/json"), PsFormat.list());
        }
    }

    @Command(name = "Import-CsCalendar", description = {"Loads a user's calendar export into the calendar store.", "",
        "The .ics file is stored byte for byte."})
    static final class ImportCsCalendar extends Cmdlet {
        @Mixin
        IdentityParameter identity;

        @Option(names = "-Path", required = true, paramLabel = "<file.ics>", description = "The calendar export.")
        Path path;

        @Override
        Optional<List<IdentityFile.Row>> users(MmsClient server) {
            return oneUserOnly("the calendar export is that user's");
        }

        @Override
        Answer call(MmsClient server) {
            String user = identity.required();
            return new Answer(server.send("PUT", MmsClient.path("users", user, "calendar"), read(path), "text/calendar"), PsFormat.list());
        }
    }

    @Command(name = "Export-CsCalendar", description = {"Writes a user's stored meetings to a file, as one calendar.", "",
        "Opened and closed as the calendar last imported was, each time zone once, each meeting byte for byte as it is "
            + "stored now (after a migration, what the migration wrote). A calendar nothing changed comes back as it was imported."})
    static final class ExportCsCalendar extends Cmdlet {
        @Mixin
        IdentityParameter identity;

        @Option(names = "-Path", required = true, paramLabel = "<file.ics>", description = "Where to write the calendar.")
        Path path;

        @Override
        Optional<List<IdentityFile.Row>> users(MmsClient server) {
            return oneUserOnly("-Path is where that user's calendar goes");
        }

        @Override
        Answer call(MmsClient server) {
            String user = identity.required();
            MmsClient.Download calendar = server.download(MmsClient.path("users", user, "calendar"), "X-MMS-Meetings");
            try {
                // The meetings' details: the owner's alone, like everything MMS writes.
                OwnerOnly.writeFile(path, calendar.body());
            } catch (IOException e) {
                throw new CmdletFailure("cannot write " + path + ": " + e.getMessage());
            }
            ObjectNode written = JsonNodeFactory.instance.objectNode();
            written.put("Path", path.toAbsolutePath().toString());
            written.put("Meetings", calendar.header().isEmpty() ? 0 : Integer.parseInt(calendar.header()));
            written.put("Bytes", calendar.body().length);
            return new Answer(written, PsFormat.list());
        }
    }

    @Command(name = "New-CsOnlineMeeting", description = {"Schedules an online meeting as the add-in does.", "",
        "Like \"Add online meeting\" in the scheduling add-in: the meeting is registered with the conferencing service "
            + "and put into the organizer's calendar."})
    static final class NewCsOnlineMeeting extends Cmdlet {
        @Mixin
        IdentityParameter identity;

        @Option(names = "-Subject", required = true, paramLabel = "<text>", description = "The meeting's subject.")
        String subject;

        @Option(names = "-Start", required = true, paramLabel = "<date>", description = "When it starts, e.g. \"12/1/2026 9:00\" or 2026-12-01T09:00:00Z.")
        Instant start;

        @Option(names = "-End", required = true, paramLabel = "<date>", description = "When it ends.")
        Instant end;

        @Option(names = "-Attendees", split = ",", paramLabel = "<address>", description = "Attendee addresses, separated by commas.")
        List<String> attendees = List.of();

        @Option(names = "-RecurrenceRule", paramLabel = "<rrule>", description = "Repeat it, e.g. FREQ=WEEKLY;COUNT=10.")
        String recurrenceRule;

        @Option(names = "-TimeZone", paramLabel = "<zone>", description = "The meeting's time zone, e.g. Europe/Berlin.")
        String timeZone;

        @Override
        Answer call(MmsClient server) {
            Map<String, Object> meeting = new LinkedHashMap<>();
            meeting.put("Subject", subject);
            meeting.put("Start", start.toString());
            meeting.put("End", end.toString());
            meeting.put("Attendees", attendees.stream().map(String::strip).filter(a -> !a.isEmpty()).toList());
            meeting.putAll(given("RecurrenceRule", recurrenceRule, "TimeZone", timeZone));
            String user = identity.required();
            return new Answer(server.send("POST", MmsClient.path("users", user, "online-meetings"), meeting), PsFormat.list());
        }
    }
}
