package org.mms.api;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON configuration of the API: strict on input, ISO-8601 instants on output. */
final class ApiJson {

    private ApiJson() {
    }

    static JsonMapper mapper() {
        return JsonMapper.builder()
                // Jackson 3 ignores unknown fields by default; a misspelt field in a PATCH would then change nothing, silently.
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }
}
