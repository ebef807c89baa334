package io.televisit.signaling.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A participant's signaling session. It lives in the database so that any instance can resume it. */
@Entity
@Table(name = "participant_session")
public class ParticipantSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "visit_id", nullable = false)
    public UUID visitId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(nullable = false)
    public String role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionState state;

    @Column(name = "instance_id")
    public String instanceId;

    @Column(name = "connected_at", nullable = false)
    public Instant connectedAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;
}
