/** Named moments in the work where the crash test kills the process. */
package org.mms.checkpoint;
