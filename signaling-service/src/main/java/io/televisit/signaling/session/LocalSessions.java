package io.televisit.signaling.session;

import io.televisit.signaling.protocol.ParticipantId;
import io.televisit.signaling.protocol.SessionId;
import io.televisit.signaling.protocol.VisitId;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions this instance owns, connected or in grace. Lookups by participant are always within one visit, so a
 * frame can only reach a participant of the sender's own visit.
 */
@Singleton
public class LocalSessions {

    private final Map<SessionId, LocalSession> byId = new ConcurrentHashMap<>();
    private final Map<VisitId, Map<ParticipantId, LocalSession>> byVisit = new ConcurrentHashMap<>();

    public void add(LocalSession session) {
        byId.put(session.id(), session);
        byVisit.computeIfAbsent(session.identity().visit(), v -> new ConcurrentHashMap<>())
                .put(session.identity().participant(), session);
    }

    /** Forgets the session (if it is still the one registered for its participant). */
    public void remove(LocalSession session) {
        byId.remove(session.id(), session);
        byVisit.computeIfPresent(session.identity().visit(), (visit, members) -> {
            members.remove(session.identity().participant(), session);
            return members.isEmpty() ? null : members;
        });
    }

    public Optional<LocalSession> get(SessionId id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Optional<LocalSession> find(VisitId visit, ParticipantId participant) {
        return Optional.ofNullable(byVisit.getOrDefault(visit, Map.of()).get(participant));
    }

    public List<LocalSession> inVisit(VisitId visit) {
        return List.copyOf(byVisit.getOrDefault(visit, Map.of()).values());
    }

    public Collection<LocalSession> all() {
        return List.copyOf(byId.values());
    }

    public int size() {
        return byId.size();
    }
}
