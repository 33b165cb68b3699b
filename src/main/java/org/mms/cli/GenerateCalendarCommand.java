package org.mms.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mms.sample.SampleCalendar;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mms generate-calendar}: a realistic sample calendar of any size, to try the tool on or to measure it. */
@Command(name = "generate-calendar", sortOptions = false, mixinStandardHelpOptions = true,
        description = {"Writes a realistic Exchange-style calendar export for one organizer: Teams and Skype meetings "
            + "with plain-text and HTML bodies, weekly series with changed occurrences, and meetings a migration leaves "
            + "alone (other organizers, past meetings, plain appointments, a pasted block).", ""})
final class GenerateCalendarCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    MmsCommand mms;

    @Option(names = "--organizer", defaultValue = "alice@contoso.com", paramLabel = "EMAIL",
            description = "Whose calendar it is. Default: ${DEFAULT-VALUE}.")
    String organizer;

    @Option(names = "--name", defaultValue = "Alice Smith", paramLabel = "NAME", description = "Their display name.")
    String name;

    @Option(names = "--events", defaultValue = "100", paramLabel = "N",
            description = "Write at least this many VEVENTs. Default: ${DEFAULT-VALUE}.")
    long events;

    @Option(names = "--now", paramLabel = "INSTANT", description = "Meetings are placed around this time. Default: now.")
    String now;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "Same seed, same calendar. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write it.")
    Path output;

    @Override
    public Integer call() throws IOException {
        Instant at;
        try {
            at = now == null ? Instant.now() : OffsetDateTime.parse(now).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--now must be ISO-8601 with an offset, e.g. 2026-11-23T12:00:00Z");
        }
        SampleCalendar sample = new SampleCalendar(organizer, name, at, seed);
        long written = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
            sample.writeHeader(out);
            while (written < events) {
                written += sample.writeMeeting(out, sample.nextKind());
            }
            sample.writeFooter(out);
        }
        mms.out.printf(Locale.ROOT, "Wrote %s: %,d events, %,d bytes.%n", output, written, Files.size(output));
        return ExitCodes.OK;
    }
}
