package org.mms.block;

import java.net.URI;
import java.util.Arrays;

/**
 * The "Try Skype Web App" link: the join link with {@code sl=1} added to its query, which makes the meeting
 * server open the browser client instead of the desktop one.
 */
final class SkypeWebAppLink {

    private static final String PARAMETER = "sl=1";

    private SkypeWebAppLink() {
    }

    /**
     * {@code https://meet.example.com/alice/KEY?sl=1}. An existing query keeps its parameters and gets
     * {@code &sl=1}; a link that already asks for the web app is left as it is; a fragment stays last.
     */
    static String of(URI joinUrl) {
        String link = joinUrl.toString();
        String fragment = joinUrl.getRawFragment();
        String beforeFragment = fragment == null ? link : link.substring(0, link.length() - fragment.length() - 1);
        String query = joinUrl.getRawQuery();

        String withParameter;
        if (query == null) {
            withParameter = beforeFragment + "?" + PARAMETER;
        } else if (Arrays.asList(query.split("&")).contains(PARAMETER)) {
            withParameter = beforeFragment;
        } else if (query.isEmpty() || query.endsWith("&")) {
            withParameter = beforeFragment + PARAMETER;
        } else {
            withParameter = beforeFragment + "&" + PARAMETER;
        }
        return fragment == null ? withParameter : withParameter + "#" + fragment;
    }
}
