package org.mms.offline;

import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mms.block.BlockDiff;
import org.mms.migration.ComponentPlan;
import org.mms.migration.Outcome;
import org.mms.migration.OwnerEvidence;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report for machines: one JSON document, streamed as the run goes so a million meetings need
 * no memory. {@code {"meetings": [ {...}, ... ], "summary": {...}}}.
 */
public final class JsonReport implements RunReport {

    private final JsonGenerator json;
    private final List<String> notes = new ArrayList<>();

    public JsonReport(OutputStream out) {
        // The caller owns the stream (often standard output): closing the report must not close it.
        this.json = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build().createGenerator(out);
        json.writeStartObject();
        json.writeName("meetings");
        json.writeStartArray();
    }

    @Override
    public void note(String note) {
        notes.add(note);
    }

    @Override
    public void component(ComponentPlan plan) {
        json.writeStartObject();
        json.writeStringProperty("uid", plan.uid());
        json.writeStringProperty("recurrenceId", plan.recurrenceId().orElse(null));
        json.writeStringProperty("summary", plan.summary());
        json.writeStringProperty("start", plan.start().map(DateTimeFormatter.ISO_INSTANT::format).orElse(null));
        switch (plan.outcome()) {
            case Outcome.Migrated m -> {
                json.writeStringProperty("outcome", "migrated");
                json.writeStringProperty("from", m.from().name());
                json.writeStringProperty("to", m.to().name());
                json.writeStringProperty("oldBlock", m.oldBlock());
                json.writeStringProperty("newBlock", m.newBlock());
                evidence(m.evidence());
                json.writeName("removedOrganizationText");
                json.writeStartArray();
                BlockDiff.removedOrganizationText(m.oldBlock(), m.newBlock()).forEach(json::writeString);
                json.writeEndArray();
            }
            case Outcome.Unchanged u -> {
                json.writeStringProperty("outcome", "unchanged");
                json.writeStringProperty("detail", u.detail());
                evidence(u.evidence());
            }
            case Outcome.Skipped s -> {
                json.writeStringProperty("outcome", "skipped");
                json.writeStringProperty("reason", s.reason().name());
                json.writeStringProperty("detail", s.detail());
            }
            case Outcome.Failed f -> {
                json.writeStringProperty("outcome", "failed");
                json.writeStringProperty("reason", f.reason().name());
                json.writeStringProperty("detail", f.detail());
            }
        }
        json.writeEndObject();
    }

    /** What showed the meeting to be the organizer's: {@code "evidence": {"kind": "SKYPE_JOIN_LINK", "detail": "…"}}. */
    private void evidence(OwnerEvidence evidence) {
        json.writeName("evidence");
        json.writeStartObject();
        json.writeStringProperty("kind", evidence.kind().name());
        json.writeStringProperty("detail", evidence.detail());
        json.writeEndObject();
    }

    @Override
    public void finish(RunSummary s) {
        json.writeEndArray();
        json.writeName("summary");
        json.writeStartObject();
        json.writeNumberProperty("events", s.events());
        json.writeNumberProperty("migrated", s.count("migrated"));
        json.writeNumberProperty("unchanged", s.count("unchanged"));
        json.writeNumberProperty("skipped", s.count("skipped"));
        json.writeNumberProperty("failed", s.count("failed"));
        json.writeName("byOutcome");
        json.writeStartObject();
        for (Map.Entry<String, Long> e : s.byOutcome().entrySet()) {
            json.writeNumberProperty(e.getKey(), e.getValue());
        }
        json.writeEndObject();
        json.writeNumberProperty("meetingsChanged", s.meetingsChanged());
        json.writeNumberProperty("messages", s.messages());
        json.writeBooleanProperty("dryRun", s.settings().dryRun());
        json.writeBooleanProperty("written", s.written());
        json.writeStringProperty("output", s.settings().output() instanceof MigrateIcsFile.Destination.ToFile(var p)
                ? p.toString() : s.settings().dryRun() ? null : "-");
        json.writeName("notes");
        json.writeStartArray();
        notes.forEach(json::writeString);
        json.writeEndArray();
        json.writeNumberProperty("seconds", s.elapsedNanos() / 1e9);
        json.writeEndObject();
        json.writeEndObject();
        json.flush();
        json.close();
    }
}
