package io.televisit.quality.events;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;

/**
 * Puts a record this service cannot use on the dead-letter topic, as it came, with the same headers SmallRye's own
 * dead-letter strategy writes (reason, original topic, partition and offset), so one tool reads both.
 */
@Singleton
public class DeadLetters {

    private final MutinyEmitter<String> deadLetter;

    public DeadLetters(@Channel("dead-letter") MutinyEmitter<String> deadLetter) {
        this.deadLetter = deadLetter;
    }

    public Uni<Void> send(ConsumerRecord<String, String> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", bytes(reason));
        headers.add("dead-letter-topic", bytes(record.topic()));
        headers.add("dead-letter-partition", bytes(Integer.toString(record.partition())));
        headers.add("dead-letter-offset", bytes(Long.toString(record.offset())));
        headers.add("dead-letter-consumer", bytes("quality-service.samples"));
        Message<String> message = Message.of(record.value() == null ? "" : record.value())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key())
                        .withHeaders(headers).build());
        return deadLetter.sendMessage(message);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
