/**
 * The calendar store on Exchange Online, through Microsoft Graph, with the JDK HTTP client and Jackson (the Graph
 * SDK would bring some 50 MB for a handful of calls). Configured by {@link org.mms.calendar.graph.GraphSettings};
 * tokens come from {@link org.mms.calendar.graph.AccessTokens}; a mailbox is reached by its user's UPN
 * ({@link org.mms.calendar.graph.MailboxAddresses}). An adapter: the only place in the calendar feature that
 * speaks Graph.
 */
package org.mms.calendar.graph;
