/** Files and directories MMS creates, readable by their owner only. */
package org.mms.files;
