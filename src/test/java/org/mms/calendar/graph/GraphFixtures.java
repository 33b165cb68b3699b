package org.mms.calendar.graph;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Graph events of {@code src/test/resources/fixtures/graph/}. */
final class GraphFixtures {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphFixtures() {
    }

    static JsonNode json(String name) {
        try (InputStream in = GraphFixtures.class.getResourceAsStream("/fixtures/graph/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GraphEvent event(String name) {
        return GraphEvent.of(json(name));
    }

    static GraphMeeting teamsMeeting() {
        return new GraphMeeting(event("teams-meeting-single.json"), java.util.List.of());
    }

    static GraphMeeting weeklySeries() {
        return new GraphMeeting(event("weekly-series-master.json"), java.util.List.of(event("weekly-series-exception.json")));
    }
}
