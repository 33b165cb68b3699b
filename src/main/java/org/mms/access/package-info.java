/**
 * Who may do what: API tokens with a role, the service operator who manages tenants, and the audit
 * log of changes and refused authentications. Values and the port the API calls; the database
 * adapter implements it.
 */
package org.mms.access;
