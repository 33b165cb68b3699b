/**
 * A Microsoft Graph emulator for Exchange Online calendars, for testing the Graph calendar store without a tenant;
 * {@link org.mms.calendar.graph.emulator.GraphEmulator} is the way in. Built from Graph v1.0's and Entra ID's published
 * contract; response shapes follow the documentation's examples.
 *
 * <p>Emulated:
 * <ul>
 *   <li>Entra's client-credentials token endpoint ({@code POST {authority}/{tenant}/oauth2/v2.0/token}) with a client
 *       secret or a well-formed certificate assertion (claims checked, signature not), {@code expires_in}, tokens that
 *       expire and can be revoked, and Entra's OAuth errors (AADSTS7000215 wrong secret, 700016 unknown app, 90002
 *       unknown tenant, 1002012 scope without {@code /.default}, 70003 grant type); the OpenID configuration and the
 *       instance discovery document MSAL asks for; HTTPS on request, since MSAL accepts only https authorities.</li>
 *   <li>Bearer checks on every Graph request: 401 {@code InvalidAuthenticationToken}.</li>
 *   <li>{@code GET /users/{upn}/calendarView} (and {@code /calendar/calendarView}) with both bounds required (400
 *       {@code ErrorInvalidParameter}), {@code $select}, {@code $top} (10 by default, at most 1000), paging by
 *       {@code @odata.nextLink} with an opaque skip token, and
 *       {@code $expand=singleValueExtendedProperties($filter=id eq '…' or …)}.</li>
 *   <li>{@code GET /users/{upn}/events} (also under {@code /calendar}): single events and series masters only, never
 *       occurrences or exceptions, in the order they were created, with {@code $select}, {@code $expand} as above,
 *       {@code $top} and {@code @odata.nextLink} paging as for calendarView, and the {@code $filter} Graph documents
 *       for finding events by a string extended property,
 *       {@code singleValueExtendedProperties/any(ep: ep/id eq '…' and ep/value eq '…')}: the value compared in any
 *       case, the name in the property's id exactly, as Graph documents; a filter does not expand the property.</li>
 *   <li>{@code GET /users/{upn}/events/{id}/instances} with both bounds required (400 {@code ErrorInvalidParameter}):
 *       the exceptions and occurrences of a series master that meet the window, cancelled occurrences left out,
 *       exceptions first and then occurrences (as in Graph's documented example), paged as above; 404
 *       {@code ErrorItemNotFound} for an unknown id.</li>
 *   <li>Series: a master's daily, weekly, absolute/relative monthly and yearly patterns with endDate, noEnd and
 *       numbered ranges, expanded into {@code occurrence}s and {@code exception}s with {@code seriesMasterId} and
 *       {@code originalStart}; cancelled occurrences left out; the master itself never in calendarView; an occurrence
 *       patched becomes an exception, an occurrence deleted is cancelled; iCalUId different for each instance.</li>
 *   <li>{@code GET}, {@code POST}, {@code PATCH} (If-Match; 412 {@code ErrorIrresolvableConflict}; extended
 *       properties merged by id) and {@code DELETE} of events; a new {@code changeKey} and {@code @odata.etag}
 *       ({@code W/"changeKey"}) on every write; 404 {@code ErrorItemNotFound}, {@code ErrorInvalidUser},
 *       {@code MailboxNotEnabledForRESTAPI}; 403 {@code ErrorAccessDenied} for a mailbox an application access policy
 *       excludes.</li>
 *   <li>{@code Prefer}: {@code outlook.timezone}, {@code outlook.body-content-type}, {@code IdType="ImmutableId"}
 *       (accepted; ids never change here).</li>
 *   <li>Bodies as Exchange returns them: wrapped in its HTML document, scripts filtered (see {@code ExchangeBody}).</li>
 *   <li>Limits: more than four requests in flight to one mailbox get 429 {@code ApplicationThrottled}
 *       ("MailboxConcurrency") with Retry-After; injected 429/503 with Retry-After; the peak in flight per mailbox and
 *       overall; {@code request-id} and {@code client-request-id} on every answer.</li>
 *   <li>The meeting updates Exchange sends to attendees, as a record: one per PATCH of the body or extended properties
 *       of a meeting the mailbox organizes that has attendees (master, single event or exception).</li>
 * </ul>
 *
 * <p>Not emulated, so only a live tenant proves it: what Exchange's HTML sanitizer and its HTML/RTF conversions really
 * do to a body beyond the wrapper; the text rendering of {@code outlook.body-content-type="text"}; time zones other
 * than IANA names and a few Windows names; the request-rate limit (10,000 requests per 10 minutes) and other
 * throttling than the in-flight limit; other filters ({@code contains}, {@code startswith}, {@code ne}, filters on
 * other properties, any filter on calendarView or instances), {@code $orderby}, {@code $count}, {@code $skip},
 * {@code $search} and other expansions (all refused with 400 rather than ignored); the order Graph really lists
 * events and instances in (not documented; clients must not rely on it); what instances answers for an event that is
 * not a series master (not documented; refused with 400); {@code $batch}; delta queries; attendee responses, other
 * calendars than the default one, meeting messages themselves; signature checks on tokens and assertions; admin
 * consent and RBAC for Applications beyond the 403.
 */
package org.mms.calendar.graph.emulator;
