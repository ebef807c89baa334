package io.televisit.call.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A clinical visit. Holds ids and codes only; names and contact details live with the hospital's systems. */
@Entity
@Table(name = "visit")
public class Visit extends PanacheEntityBase {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VisitType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public VisitStatus status;

    @Column(name = "scheduled_at", nullable = false)
    public Instant scheduledAt;

    @Column(name = "appointment_id")
    public String appointmentId;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "scheduled_end_at", nullable = false)
    public Instant scheduledEndAt;

    @Column(name = "ringing_at")
    public Instant ringingAt;

    @Column(name = "ring_deadline")
    public Instant ringDeadline;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** Why the visit reached its status, as a code (CANCELLED, DECLINED, ENDED, FAILED). */
    @Column(name = "status_reason")
    public String statusReason;

    /** Technical detail of a failure (error class, ICE state); clients must not put PHI here. */
    @Column(name = "failure_detail")
    public String failureDetail;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** Hash of the create request, to refuse a reused Idempotency-Key with a different body. */
    @Column(name = "request_hash")
    public String requestHash;

    @Version
    public long version;
}
