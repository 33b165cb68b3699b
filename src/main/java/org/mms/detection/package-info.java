/**
 * The trigger policy: for one directory change to one user, whether a migration of their future
 * meetings is queued, and of which type, or why not. Every decision carries a reason an admin reads
 * in {@code Get-CsMeetingMigrationTriggerDecision}. Pure: no I/O; the caller records the decision and
 * queues the request.
 *
 * <p>Every row of the trigger table (DESIGN §3) asks its questions in the same order:
 * <ol>
 *   <li>Would anything in the user's invitations change? If not, nothing is queued, so attendees get no
 *       useless round of updates; the reason says what stays as it is.</li>
 *   <li>Can MMS reach the user's calendar? If not, the change is not supported and the reason points
 *       to the offline tool. Asked before the tenant's switches because the answer holds whatever the
 *       switches say: turning a switch on would not help.</li>
 *   <li>Do the tenant's switches let this kind of change migrate meetings? Global switch first, then
 *       the one for the kind of change.</li>
 * </ol>
 */
package org.mms.detection;
