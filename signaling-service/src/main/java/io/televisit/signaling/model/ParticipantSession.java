package io.televisit.signaling.model;

import io.televisit.signaling.protocol.Roles;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A participant's signaling session. It lives in the database so that any instance can resume it: who owns it now,
 * how far its frames are numbered, until when it may be resumed.
 */
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

    /** SHA-256 of the resume token; the token itself is only ever in the client. */
    @Column(name = "resume_token_hash")
    public String resumeTokenHash;

    /** The instance holding the session (its socket, or its frames in grace); null once handed to the database. */
    @Column(name = "owner_instance")
    public Long ownerInstance;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "grace_deadline")
    public Instant graceDeadline;

    @Column(name = "left_reason")
    public String leftReason;

    @Column(nullable = false)
    public boolean admitted;

    @Column(nullable = false)
    public boolean orphaned;

    @Column(name = "connected_at", nullable = false)
    public Instant connectedAt;

    @Column(name = "last_seen_at", nullable = false)
    public Instant lastSeenAt;

    public boolean isClinician() {
        return Roles.isClinician(role);
    }
}
