package org.mms.calendar.graph;

import com.microsoft.aad.msal4j.MsalServiceException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mms.calendar.CalendarStoreException;
import org.mms.calendar.PermanentStoreException;
import org.mms.calendar.TransientStoreException;

/**
 * Turns a failed sign-in into one line saying what to fix. Entra ID names its refusals with AADSTS codes
 * (documented in "Microsoft Entra authentication and authorization error codes"); the ones an admin
 * setting up MMS meets are said in words, the others by code and Entra's first sentence. A refusal is
 * permanent until someone changes the settings; an authority that does not answer, or answers with a
 * server error, may answer later.
 */
final class ExplainSignInFailure {

    private static final Pattern CODE = Pattern.compile("AADSTS(\\d+)");
    private static final String SET = "; then set it again with Set-CsCalendarStore";

    private ExplainSignInFailure() {
    }

    /** Why no token could be had from {@code settings}' authority: never the secret, which no Entra message holds. */
    static CalendarStoreException explain(Throwable failure, GraphSettings settings) {
        String authority = AuthorityHttp.origin(settings.authorityUrl());
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MsalServiceException refused) {
                return refused(refused, settings);
            }
            if (t instanceof HttpTimeoutException) {
                return new TransientStoreException("the authority " + authority + " did not answer within " + settings.timeout().toSeconds()
                        + " s", null);
            }
            if (t instanceof IOException io) {
                return new TransientStoreException("the authority " + authority + " cannot be reached: " + oneLine(describe(io)), null);
            }
        }
        return new PermanentStoreException("no token from the authority " + authority + ": " + oneLine(String.valueOf(failure.getMessage())));
    }

    private static CalendarStoreException refused(MsalServiceException e, GraphSettings settings) {
        String description = String.valueOf(e.getMessage());
        Matcher m = CODE.matcher(description);
        String code = m.find() ? m.group(1) : "";
        String tenant = settings.directoryTenantId();
        String client = settings.clientId();
        String why = switch (code) {
            case "7000215" -> "the client secret is wrong or expired: copy the secret's Value (not its ID) from the app registration's "
                    + "Certificates & secrets, or create a new one" + SET;
            case "7000222" -> "the client secret has expired: create a new one in the app registration's Certificates & secrets" + SET;
            case "700016" -> "no application with client id " + client + " in tenant " + tenant + ": check ClientId (the app registration's "
                    + "Application (client) ID) and that the app is registered in that tenant";
            case "90002", "90023" -> "tenant " + tenant + " is not known to Entra ID at " + AuthorityHttp.origin(settings.authorityUrl())
                    + ": check DirectoryTenantId (the Directory (tenant) ID on the app registration's Overview) and AuthorityUrl "
                    + "(a national cloud has its own)";
            case "65001", "650057", "7000229" -> "the application has no admin consent in tenant " + tenant + ": grant admin consent for "
                    + "the Calendars.ReadWrite application permission (API permissions, Grant admin consent)";
            case "700027", "700030" -> "Entra ID does not accept the certificate: upload its public part to the app registration's "
                    + "Certificates & secrets (the thumbprint must match)";
            case "700024" -> "the certificate's sign-in assertion is outside its valid time: check this machine's clock";
            case "7000112" -> "the application " + client + " is disabled in tenant " + tenant + ": enable its enterprise application";
            case "53003" -> "a Conditional Access policy blocks the application's sign-in in tenant " + tenant + ": exclude the "
                    + "application from the policy, or allow the network MMS signs in from";
            default -> "Entra ID refused the sign-in" + (code.isEmpty() ? " (" + e.errorCode() + ")" : " (AADSTS" + code + ")")
                    + ": " + firstSentence(description);
        };
        Integer status = e.statusCode();
        // Entra's own trouble passes, whether or not it names it with a code (AADSTS90033 "a transient error").
        if (status != null && (status >= 500 || status == 429)) {
            return new TransientStoreException("the authority " + AuthorityHttp.origin(settings.authorityUrl()) + " answered HTTP " + status
                    + "; trying again later", null);
        }
        return new PermanentStoreException(why);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return switch (e) {
            case java.net.ConnectException c -> "connection refused" + (message == null ? "" : " (" + message + ")");
            case java.net.UnknownHostException u -> "unknown host " + message;
            case javax.net.ssl.SSLException s -> "TLS failed: " + message;
            default -> message == null ? e.getClass().getSimpleName() : message;
        };
    }

    /** Entra's description up to its first full stop, without the trace and correlation ids that follow. */
    private static String firstSentence(String description) {
        String text = CODE.matcher(oneLine(description)).replaceFirst("").replaceFirst("^[:\\s]+", "");
        int trace = text.toLowerCase(Locale.ROOT).indexOf("trace id");
        if (trace > 0) {
            text = text.substring(0, trace);
        }
        int stop = text.indexOf(". ");
        return (stop > 0 ? text.substring(0, stop + 1) : text).strip();
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").strip();
    }
}
