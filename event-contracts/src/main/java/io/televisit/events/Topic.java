package io.televisit.events;

/**
 * Kafka topics of the suite. Every record is keyed by visit id so that one visit's events stay in order.
 * Partitions and retention are in {@code topics.csv} next to the schemas; a contract test keeps the two in step.
 */
public enum Topic {
    VISITS("televisit.visits.v1"),
    PRESENCE("televisit.presence.v1"),
    QUALITY_SAMPLES("televisit.quality-samples.v1"),
    QUALITY_DECISIONS("televisit.quality-decisions.v1"),
    RECORDINGS("televisit.recordings.v1"),
    NOTIFICATIONS("televisit.notifications.v1"),
    DEAD_LETTER("televisit.dead-letter.v1");

    private final String topicName;

    Topic(String topicName) {
        this.topicName = topicName;
    }

    public String topicName() {
        return topicName;
    }
}
