/**
 * The world MMS models: tenants and their settings, users (organizers) with their hosting, mailbox and
 * audio-conferencing settings, dial-in bridges and their service numbers, and the changes admins make
 * to them. Records only; the {@link org.mms.directory.Directory} port stores them.
 */
package org.mms.directory;
