package io.televisit.notification.model;

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

/** A durable, scheduled reminder for one visit: it survives restarts because it lives in the database. */
@Entity
@Table(name = "reminder")
public class Reminder extends PanacheEntityBase {

    @Id
    @Column(name = "visit_id")
    public UUID visitId;

    @Column(name = "visit_at", nullable = false)
    public Instant visitAt;

    @Column(name = "remind_at", nullable = false)
    public Instant remindAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ReminderStatus status;

    /** How many visit events changed this reminder; with the inbox it shows each event counted once. */
    @Column(name = "applied_events", nullable = false)
    public int appliedEvents;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
