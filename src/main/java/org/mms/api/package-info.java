/**
 * The REST API: a thin Javalin adapter over {@link org.mms.admin.Admin}. One {@code *Routes} class per
 * feature translates HTTP into facade calls; {@link org.mms.api.BearerAuthentication} scopes every
 * call to the tenant of its bearer token; {@link org.mms.api.Problems} is the one place where failures
 * become HTTP statuses and RFC 9457 problem documents. No business rules, SQL or iCalendar here.
 */
package org.mms.api;
