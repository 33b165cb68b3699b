package org.mms.api;

/** One registered route, e.g. {@code GET /api/v1/migrations/{correlationId}/meetings}, in OpenAPI's path syntax. */
public record Route(String method, String path) {

    @Override
    public String toString() {
        return method + " " + path;
    }
}
