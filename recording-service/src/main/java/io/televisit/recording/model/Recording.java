package io.televisit.recording.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A recording of (part of) a visit and where its object lies in storage. */
@Entity
@Table(name = "recording")
public class Recording extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "visit_id", nullable = false)
    public UUID visitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecordingStatus status;

    @Column(name = "object_key")
    public String objectKey;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "retain_until")
    public Instant retainUntil;
}
