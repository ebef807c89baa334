package io.televisit.events;

/** An event that can never be processed (malformed JSON, schema violation): it goes to the dead-letter topic, unretried. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
