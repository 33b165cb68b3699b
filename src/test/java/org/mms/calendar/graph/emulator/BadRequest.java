package org.mms.calendar.graph.emulator;

/** A request Graph would refuse with 400, raised deep in parsing and answered once by the router. */
final class BadRequest extends RuntimeException {

    private final String code;

    BadRequest(String code, String message) {
        super(message);
        this.code = code;
    }

    GraphReply reply() {
        return GraphReply.error(400, code, getMessage());
    }
}
