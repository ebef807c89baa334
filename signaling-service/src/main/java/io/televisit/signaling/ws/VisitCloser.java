package io.televisit.signaling.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.CloseReason;
import io.smallrye.mutiny.Uni;
import io.televisit.signaling.protocol.ServerMessage;
import io.televisit.signaling.protocol.VisitId;
import io.televisit.signaling.service.ConnectedParticipants;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/** Ends this instance's connections of a visit: a {@code visit-ended} frame with the reason, then close 1000. */
@ApplicationScoped
public class VisitCloser {

    private final ConnectedParticipants participants;
    private final ObjectMapper mapper;

    public VisitCloser(ConnectedParticipants participants, ObjectMapper mapper) {
        this.participants = participants;
        this.mapper = mapper;
    }

    public Uni<Void> close(VisitId visit, String reason) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (ConnectedParticipants.Member member : participants.inVisit(visit)) {
            all = all.call(() -> {
                participants.leave(member.identity(), member.connection());
                long seq = SignalingEndpoint.nextSeq(member.connection());
                return member.connection().sendText(json(new ServerMessage("visit-ended", null, seq, null,
                                Map.of("reason", reason))))
                        .chain(() -> member.connection().close(new CloseReason(1000, reason)))
                        .onFailure().recoverWithNull();
            });
        }
        return all;
    }

    private String json(ServerMessage message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
