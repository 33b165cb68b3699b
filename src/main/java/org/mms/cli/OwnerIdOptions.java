package org.mms.cli;

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
            Organizer.objectIdProblem(value).ifPresent(problem -> {
                throw new CommandLine.TypeConversionException(problem);
            });
            return value;
        }
    }

    static final class ConferenceId implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            Organizer.conferenceIdProblem(value).ifPresent(problem -> {
                throw new CommandLine.TypeConversionException(problem);
            });
            return value;
        }
    }
}
