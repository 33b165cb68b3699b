package org.mms.dashboard;

import static org.mms.dashboard.Markup.el;
import static org.mms.dashboard.Markup.text;
import static org.mms.dashboard.Markup.textEl;

import java.util.List;
import java.util.Optional;

/** Sign-in with an API token: the token's role decides what the dashboard lets one do. */
final class SignInPage {

    private SignInPage() {
    }

    static Markup page(Optional<String> problem) {
        return Layout.document("Sign in", el("main", List.of("id", "main", "class", "sign-in"), textEl("h1", "MMS dashboard"),
                problem.map(p -> Layout.note("error", p)).orElse(Markup.EMPTY),
                el("form", List.of("method", "post", "action", "/sign-in"),
                        el("label", List.of("for", "token"), text("API token")),
                        el("input", List.of("id", "token", "name", "token", "type", "password", "autocomplete", "off", "required", "required",
                                "autofocus", "autofocus")),
                        el("button", List.of("type", "submit", "class", "primary"), text("Sign in"))),
                textEl("p", "A Reader token sees everything of its tenant; an Operator or Admin token can also migrate again. "
                        + "New tokens: New-CsAdminToken -Name NAME -Role Reader|Operator|Admin.")));
    }
}
