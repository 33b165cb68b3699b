package org.mms.offline;

import java.util.ArrayList;
import java.util.List;
import org.mms.migration.ComponentPlan;

/** Keeps every decision of a run, for assertions. */
final class CollectingReport implements RunReport {

    final List<ComponentPlan> components = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    RunSummary summary;

    @Override
    public void component(ComponentPlan plan) {
        components.add(plan);
    }

    @Override
    public void note(String note) {
        notes.add(note);
    }

    @Override
    public void finish(RunSummary summary) {
        this.summary = summary;
    }
}
