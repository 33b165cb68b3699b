package org.mms.directory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A dial-in conferencing bridge: its service numbers and the default toll number. */
public record Bridge(String id, TenantId tenant, String name, List<ServiceNumber> numbers, Optional<String> defaultNumber) {

    public Bridge {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        numbers = List.copyOf(numbers);
        Objects.requireNonNull(defaultNumber, "defaultNumber");
    }

    public Optional<ServiceNumber> number(String e164) {
        return numbers.stream().filter(n -> n.number().equals(e164)).findFirst();
    }
}
