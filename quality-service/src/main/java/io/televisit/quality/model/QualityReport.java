package io.televisit.quality.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The quality record of one visit, written when the visit ends. */
@Entity
@Table(name = "quality_report")
public class QualityReport extends PanacheEntityBase {

    @Id
    @Column(name = "visit_id")
    public UUID visitId;

    @Column(name = "generated_at", nullable = false)
    public Instant generatedAt;

    @Column(name = "average_mos")
    public Double averageMos;

    @Column(name = "poor_seconds", nullable = false)
    public int poorSeconds;

    @Column(name = "relayed", nullable = false)
    public boolean relayed;
}
