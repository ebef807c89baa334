package io.televisit.call.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A one-time join link. The token is never stored, only its SHA-256. */
@Entity
@Table(name = "join_link")
public class JoinLink extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "visit_id", nullable = false)
    public UUID visitId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Column(name = "token_hash", nullable = false)
    public String tokenHash;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
