package org.mms.offline;

import org.mms.migration.ComponentPlan;

/** Receives the per-meeting decisions as they are made, in file order, then the summary. */
public interface RunReport {

    void component(ComponentPlan plan);

    void finish(RunSummary summary);
}
