/**
 * The one facade both the REST API and the command line call: every admin operation, named after
 * the original service's cmdlets where one exists, scoped to a tenant. Neither adapter touches SQL or
 * iCalendar; both translate requests into these calls and {@link org.mms.admin.AdminException}s into
 * their own error forms.
 */
package org.mms.admin;
