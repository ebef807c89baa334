package io.televisit.signaling.service;

import io.quarkus.websockets.next.WebSocketConnection;
import io.televisit.signaling.protocol.ParticipantId;
import io.televisit.signaling.protocol.VisitId;
import io.televisit.signaling.protocol.VisitIdentity;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The participants joined on this instance, by visit. Lookups are always within one visit, so a message can only
 * reach a participant of the sender's own visit.
 */
@ApplicationScoped
public class ConnectedParticipants {

    public record Member(VisitIdentity identity, WebSocketConnection connection) {
    }

    private final Map<VisitId, Map<ParticipantId, Member>> visits = new ConcurrentHashMap<>();

    /** @return false if this participant is already joined (e.g. a second tab), which is refused */
    public boolean join(VisitIdentity identity, WebSocketConnection connection) {
        return visits.computeIfAbsent(identity.visit(), v -> new ConcurrentHashMap<>())
                .putIfAbsent(identity.participant(), new Member(identity, connection)) == null;
    }

    /** Removes the participant if this connection is the one joined; returns whether it was. */
    public boolean leave(VisitIdentity identity, WebSocketConnection connection) {
        Map<ParticipantId, Member> members = visits.get(identity.visit());
        if (members == null) {
            return false;
        }
        boolean[] removed = {false};
        members.computeIfPresent(identity.participant(), (id, member) -> {
            removed[0] = member.connection().id().equals(connection.id());
            return removed[0] ? null : member;
        });
        visits.computeIfPresent(identity.visit(), (v, m) -> m.isEmpty() ? null : m);
        return removed[0];
    }

    public boolean isJoined(VisitIdentity identity, WebSocketConnection connection) {
        return find(identity.visit(), identity.participant())
                .map(member -> member.connection().id().equals(connection.id())).orElse(false);
    }

    public Optional<Member> find(VisitId visit, ParticipantId participant) {
        return Optional.ofNullable(visits.getOrDefault(visit, Map.of()).get(participant));
    }

    /** Everyone joined in the visit on this instance. */
    public List<Member> inVisit(VisitId visit) {
        return List.copyOf(visits.getOrDefault(visit, Map.of()).values());
    }

    /** Everyone joined in the visit except {@code self}. */
    public List<Member> others(VisitIdentity self) {
        return visits.getOrDefault(self.visit(), Map.of()).values().stream()
                .filter(member -> !member.identity().participant().equals(self.participant())).toList();
    }
}
