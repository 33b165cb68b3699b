package org.mms.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.mms.block.MeetingType;
import org.mms.itip.Mailbox;
import org.mms.itip.mail.ComposeImipMessage;
import org.mms.migration.InternalFailure;
import org.mms.migration.Organizer;
import org.mms.migration.PlanMeeting;
import org.mms.migration.SelectionRules;
import org.mms.offline.JsonReport;
import org.mms.offline.MigrateIcsFile;
import org.mms.offline.Outbox;
import org.mms.offline.PickupOutbox;
import org.mms.offline.Progress;
import org.mms.offline.ReadProfile;
import org.mms.offline.RunReport;
import org.mms.offline.RunSummary;
import org.mms.offline.TextReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mms migrate-ics}: the offline Meeting Migration Tool, one calendar file in, migrated file and report out. */
@Command(name = "migrate-ics", sortOptions = false, mixinStandardHelpOptions = true,
        description = {
            "Migrates an organizer's future online meetings in a calendar file (an Outlook or Exchange export, or any "
                + "iCalendar file) to their new conferencing settings. Only the online-meeting block of each invitation "
                + "changes; every other byte, and every meeting left alone, stays exactly as it was.",
            "",
            "Exit codes: 0 done, 1 the input cannot be used, 2 wrong command line, 3 some meetings could not be "
                + "migrated safely and nothing was written (see --skip-failed).",
            ""})
final class MigrateIcsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    MmsCommand mms;

    @Option(names = "--organizer", required = true, paramLabel = "EMAIL", converter = AddressOption.class,
            description = "The organizer whose meetings are migrated.")
    String organizer;

    @Option(names = "--alias", paramLabel = "EMAIL", converter = AddressOption.class, description = "Another address of the organizer (repeatable).")
    List<String> aliases = new ArrayList<>();

    @Option(names = "--object-id", paramLabel = "GUID", converter = OwnerIdOptions.ObjectId.class,
            description = "The organizer's directory object id, which their Teams join links name (repeatable).")
    List<String> objectIds = new ArrayList<>();

    @Option(names = "--conference-id", paramLabel = "DIGITS", converter = OwnerIdOptions.ConferenceId.class,
            description = "A dial-in conference ID of the organizer's, which their blocks show (repeatable; the profile's counts too).")
    List<String> conferenceIds = new ArrayList<>();

    @Option(names = "--require-addin-properties",
            description = "Migrate only meetings that carry the scheduling add-in's X-MICROSOFT-* properties, as the original "
                + "service does; by default a block whose join link or conference ID is the organizer's counts too.")
    boolean requireAddInProperties;

    @Option(names = "--profile", required = true, paramLabel = "PROFILE.json",
            description = "The organizer's new settings: meeting type, join link, dial-in numbers, links, locale (see README).")
    Path profile;

    @Option(names = "--now", paramLabel = "INSTANT",
            description = "Decide past and future as of this time (ISO-8601, e.g. 2026-11-23T12:00:00Z). Default: now.")
    String now;

    @Option(names = "--max-attendees", paramLabel = "N", defaultValue = "250",
            description = "Leave meetings with more attendees, the organizer included, alone. Default: ${DEFAULT-VALUE}.")
    int maxAttendees;

    @Option(names = "--source-type", paramLabel = "TYPE", defaultValue = "all",
            description = "Which meetings to migrate: all, skype or teams. Default: ${DEFAULT-VALUE}.")
    String sourceType;

    @Option(names = "--floating-zone", paramLabel = "ZONE",
            description = "Time zone for times without one (floating times). Default: this computer's zone.")
    String floatingZone;

    @Option(names = "--dry-run", description = "Print the report and each block's diff; write nothing.")
    boolean dryRun;

    @Option(names = "--outbox", paramLabel = "DIR",
            description = "Write one update message (.eml, iMIP) per changed meeting into DIR.")
    Path outbox;

    @Option(names = "--sender", paramLabel = "EMAIL",
            description = "The service's own address, for the messages' Sender header (they are From the organizer).")
    String sender;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT",
            description = "Where to write the migrated calendar; - for standard output. Default: IN with .migrated.ics.")
    String output;

    @Option(names = "--skip-failed",
            description = "Write the calendar even if some meetings cannot be migrated safely; those stay as they were.")
    boolean skipFailed;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Parameters(index = "0", paramLabel = "IN.ics", description = "The calendar file to migrate.")
    Path input;

    @Override
    public Integer call() throws IOException {
        ReadProfile.Profile settings = ReadProfile.from(Files.readString(profile, StandardCharsets.UTF_8));
        Set<String> allAliases = new LinkedHashSet<>(settings.aliases());
        allAliases.addAll(aliases);
        Set<String> allConferenceIds = new LinkedHashSet<>(conferenceIds);
        settings.target().conferenceId().ifPresent(allConferenceIds::add);
        SelectionRules rules = new SelectionRules(new Organizer(organizer, allAliases, Set.copyOf(objectIds), allConferenceIds),
                instant(), maxAttendees, sourceTypes(), requireAddInProperties);
        ZoneId floating = zone();

        MigrateIcsFile.Destination destination = destination();
        boolean toStdout = destination instanceof MigrateIcsFile.Destination.ToStream;
        PrintStream reportStream = toStdout ? mms.err : mms.out;
        RunReport report = json ? new JsonReport(reportStream) : new TextReport(reportStream, dryRun);
        Outbox messages = outbox == null || dryRun ? Outbox.none()
                : new PickupOutbox(outbox, new ComposeImipMessage(Clock.systemUTC(), Optional.ofNullable(sender).map(Mailbox::of)));

        MigrateIcsFile run = new MigrateIcsFile(timezones -> PlanMeeting.create(rules, settings.target(), timezones, floating)::plan,
                report, messages, Progress.every2Seconds(mms.err));
        RunSummary summary;
        try {
            summary = run.run(new MigrateIcsFile.Settings(input, destination, dryRun, skipFailed));
        } catch (StackOverflowError e) {
            // Nothing input controls should recurse this deep; if something still does, one line, not a thousand-line trace.
            throw new IllegalArgumentException("the calendar cannot be read: it nests too deeply ("
                    + InternalFailure.of(e).words() + ")", e);
        }
        return summary.failed() > 0 && !summary.written() && !dryRun ? ExitCodes.MEETINGS_FAILED : ExitCodes.OK;
    }

    private MigrateIcsFile.Destination destination() {
        if ("-".equals(output)) {
            return new MigrateIcsFile.Destination.ToStream(mms.out);
        }
        Path out = output != null ? Path.of(output) : defaultOutput(input);
        if (Files.exists(input) && Files.exists(out)) {
            try {
                if (Files.isSameFile(input, out)) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "the output would overwrite the input " + input + "; choose another -o");
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return new MigrateIcsFile.Destination.ToFile(out);
    }

    static Path defaultOutput(Path input) {
        String name = input.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".ics") ? name.substring(0, name.length() - 4) : name;
        return input.resolveSibling(base + ".migrated.ics");
    }

    private Instant instant() {
        if (now == null) {
            return Instant.now();
        }
        try {
            return OffsetDateTime.parse(now).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--now must be an ISO-8601 time with an offset, e.g. 2026-11-23T12:00:00Z, not " + now);
        }
    }

    private Set<MeetingType> sourceTypes() {
        return switch (sourceType.toLowerCase(java.util.Locale.ROOT)) {
            case "all" -> EnumSet.allOf(MeetingType.class);
            case "skype", "sfb" -> EnumSet.of(MeetingType.SKYPE);
            case "teams" -> EnumSet.of(MeetingType.TEAMS);
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--source-type must be all, skype or teams, not " + sourceType);
        };
    }

    private ZoneId zone() {
        if (floatingZone == null) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(floatingZone);
        } catch (java.time.DateTimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--floating-zone must be a time zone such as Europe/Berlin, not " + floatingZone);
        }
    }
}
