package org.mms.block;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A link as a block shows it: a label and where it goes. In plain text it reads {@code label <url>}. */
record LabeledLink(String label, URI url) {

    /** The link, if its address is known; blocks leave out links they have no address for. */
    static Optional<LabeledLink> of(String label, Optional<URI> url) {
        return url.map(u -> new LabeledLink(label, u));
    }

    /** The links that have an address, in order. */
    @SafeVarargs
    static List<LabeledLink> present(Optional<LabeledLink>... links) {
        return Stream.of(links).flatMap(Optional::stream).toList();
    }

    String text() {
        return label + " <" + url + ">";
    }

    String href() {
        return url.toString();
    }
}
