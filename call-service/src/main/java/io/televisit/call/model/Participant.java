package io.televisit.call.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A person invited to a visit. {@code subject} is their account id, if they have one (link-only patients do not). */
@Entity
@Table(name = "participant")
public class Participant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "visit_id", nullable = false)
    public UUID visitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ParticipantRole role;

    public String subject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ParticipantState state;

    @Column(name = "invited_at", nullable = false)
    public Instant invitedAt;

    @Column(name = "admitted_at")
    public Instant admittedAt;

    @Column(name = "joined_at")
    public Instant joinedAt;

    @Column(name = "connected_since")
    public Instant connectedSince;

    @Column(name = "left_at")
    public Instant leftAt;

    /** Time connected in closed intervals; an open interval is {@code connectedSince} to now. */
    @Column(name = "connected_millis", nullable = false)
    public long connectedMillis;

    public boolean isAdmitted() {
        return !role.needsAdmission() || admittedAt != null;
    }

    public boolean isConnected() {
        return connectedSince != null;
    }

    public Duration participation(Instant now) {
        long open = connectedSince == null ? 0 : Duration.between(connectedSince, now).toMillis();
        return Duration.ofMillis(connectedMillis + Math.max(0, open));
    }
}
