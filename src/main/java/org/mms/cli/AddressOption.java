package org.mms.cli;

import org.mms.migration.CheckAddress;
import picocli.CommandLine;

/**
 * Reads an option that names an organizer's address ({@code --organizer}, {@code --alias}) with the one rule
 * the engine applies, so a malformed value is a wrong command line (exit 2, one line naming the option)
 * before any file is read, whichever of the options it was given to.
 */
final class AddressOption implements CommandLine.ITypeConverter<String> {

    @Override
    public String convert(String value) {
        CheckAddress.problem(value).ifPresent(problem -> {
            throw new CommandLine.TypeConversionException(problem);
        });
        return value;
    }
}
