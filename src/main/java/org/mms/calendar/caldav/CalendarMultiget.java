package org.mms.calendar.caldav;

import java.util.List;

/** A calendar-multiget REPORT (RFC 4791 §7.9): the ETag and data of the resources at these hrefs. */
final class CalendarMultiget {

    private CalendarMultiget() {
    }

    /** @param hrefs absolute paths, as the server gave them */
    static String body(List<String> hrefs) {
        return DavXml.document(DavXml.caldav("calendar-multiget"), out -> {
            out.start(DavXml.dav("prop")).empty(DavXml.dav("getetag")).empty(DavXml.caldav("calendar-data")).end();
            for (String href : hrefs) {
                out.start(DavXml.dav("href")).text(href).end();
            }
        });
    }
}
