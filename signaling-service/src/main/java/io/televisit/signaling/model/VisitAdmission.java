package io.televisit.signaling.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A patient admitted from the waiting room by a clinician (from call-service's visit events). */
@Entity
@Table(name = "visit_admission")
@IdClass(VisitAdmission.Key.class)
public class VisitAdmission extends PanacheEntityBase {

    @Id
    @Column(name = "visit_id")
    public UUID visitId;

    @Id
    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "admitted_at", nullable = false)
    public Instant admittedAt;

    /** The composite key, as Hibernate needs it. */
    public static class Key implements Serializable {
        public UUID visitId;
        public UUID participantId;

        public Key() {
        }

        public Key(UUID visitId, UUID participantId) {
            this.visitId = visitId;
            this.participantId = participantId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(visitId, key.visitId)
                    && Objects.equals(participantId, key.participantId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(visitId, participantId);
        }
    }
}
