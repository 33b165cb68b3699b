package org.mms.dashboard;

import java.util.List;

/** A refusal or a failure, said in a page of the dashboard. */
final class ErrorPage {

    private ErrorPage() {
    }

    static Markup page(Visitor visitor, String message) {
        return Layout.page("Not done", visitor, "", Markup.join(Layout.note("error", message),
                Markup.el("p", List.of(), Layout.link("/", "Back to the overview"))));
    }
}
