package org.mms.cli;

import java.util.Optional;
import java.util.function.Function;
import org.mms.migration.Organizer;
import picocli.CommandLine;

/**
 * Reads the options that say what an organizer's meetings show of them ({@code --object-id},
 * {@code --conference-id}) with the engine's rules, so a malformed value is a wrong command line (exit 2).
 */
final class OwnerIdOptions {

    private OwnerIdOptions() {
    }

    static final class ObjectId implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked(value, Organizer::objectIdProblem);
        }
    }

    static final class ConferenceId implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked(value, Organizer::conferenceIdProblem);
        }
    }

    private static String checked(String value, Function<String, Optional<String>> problem) {
        problem.apply(value).ifPresent(why -> {
            throw new CommandLine.TypeConversionException(why);
        });
        return value;
    }
}
