package org.mms.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mms.admin.Views;
import org.mms.testing.RunningApi;
import tools.jackson.databind.JsonNode;

/** The hand-written OpenAPI document describes exactly the routes the server has, with the fields it really sends and takes. */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    private static RunningApi api;
    private static JsonNode doc;

    @BeforeAll
    static void fetch() {
        api = new RunningApi();
        Http.Response r = new Http(api.baseUrl(), null).get("/api/v1/openapi.json");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
        doc = r.json();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static List<String> described() {
        List<String> routes = new ArrayList<>();
        for (String path : doc.get("paths").propertyNames()) {
            for (String method : doc.get("paths").get(path).propertyNames()) {
                if (METHODS.contains(method)) {
                    routes.add(method.toUpperCase(Locale.ROOT) + " " + path);
                }
            }
        }
        return routes;
    }

    @Test
    void it_is_an_openapi_3_1_document() {
        assertThat(doc.get("openapi").asString()).startsWith("3.1.");
        assertThat(doc.get("components").get("securitySchemes").get("bearer").get("scheme").asString()).isEqualTo("bearer");
    }

    @Test
    void every_registered_route_is_described_and_every_described_route_is_registered() {
        List<String> registered = api.server.routes().stream().map(Route::toString).toList();

        assertThat(described()).containsExactlyInAnyOrderElementsOf(registered);
    }

    @Test
    void exactly_the_routes_that_need_no_token_are_marked_public() {
        List<String> open = new ArrayList<>();
        for (String path : doc.get("paths").propertyNames()) {
            doc.get("paths").get(path).properties().forEach(e -> {
                if (METHODS.contains(e.getKey()) && e.getValue().has("security") && e.getValue().get("security").isEmpty()) {
                    open.add(path);
                }
            });
        }
        assertThat(open).containsExactlyInAnyOrder("/health", "/ready", "/api/v1/openapi.json");
    }

    @Test
    void every_admin_operation_names_the_cmdlet_it_stands_for() {
        for (String path : doc.get("paths").propertyNames()) {
            doc.get("paths").get(path).properties().forEach(e -> {
                if (METHODS.contains(e.getKey()) && !e.getValue().has("security")) {
                    assertThat(e.getValue().path("x-mms-cmdlet").asString("")).as(e.getKey() + " " + path).matches("[A-Z][a-z]+-Cs\\w+.*");
                }
            });
        }
    }

    @Test
    void the_view_schemas_have_exactly_the_fields_the_views_serialise() {
        for (Class<?> view : Views.class.getDeclaredClasses()) {
            assertThat(properties(view.getSimpleName())).as(view.getSimpleName()).containsExactlyElementsOf(components(view));
        }
    }

    @Test
    void the_request_body_schemas_have_exactly_the_fields_the_routes_read() {
        for (Class<?> body : Bodies.class.getDeclaredClasses()) {
            assertThat(properties(body.getSimpleName())).as(body.getSimpleName()).containsExactlyElementsOf(components(body));
        }
    }

    @Test
    void every_reference_resolves() {
        Set<String> refs = new HashSet<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/");
            JsonNode target = doc.at(ref.substring(1));
            assertThat(target.isMissingNode()).as(ref).isFalse();
        }
    }

    private static List<String> properties(String schema) {
        JsonNode node = doc.get("components").get("schemas").get(schema);
        assertThat(node).as("schema " + schema).isNotNull();
        return new ArrayList<>(node.get("properties").propertyNames());
    }

    private static List<String> components(Class<?> record) {
        assertThat(record.isRecord()).as(record.getName()).isTrue();
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asString());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
