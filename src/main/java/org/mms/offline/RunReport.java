package org.mms.offline;

import org.mms.migration.ComponentPlan;

/** Receives the per-meeting decisions as they are made, in file order, then the summary. */
public interface RunReport {

    void component(ComponentPlan plan);

    /** A remark for the admin, shown with the totals (an address left out of a message…). */
    void note(String note);

    void finish(RunSummary summary);
}
