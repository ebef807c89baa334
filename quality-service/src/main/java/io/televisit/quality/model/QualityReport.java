package io.televisit.quality.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * The final quality record of one visit, written when the visit ends or fails. The figures statistics need are
 * columns; the whole report (participants, percentiles, timeline) is kept as its JSON document.
 */
@Entity
@Table(name = "quality_report")
public class QualityReport extends PanacheEntityBase {

    @Id
    @Column(name = "visit_id")
    public UUID visitId;

    @Column(name = "generated_at", nullable = false)
    public Instant generatedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** ENDED or FAILED. */
    @Column(name = "outcome")
    public String outcome;

    @Column(name = "average_mos")
    public Double averageMos;

    @Column(name = "poor_seconds", nullable = false)
    public int poorSeconds;

    @Column(name = "poor_quality", nullable = false)
    public boolean poorQuality;

    @Column(name = "relayed", nullable = false)
    public boolean relayed;

    @Column(name = "relay_ratio")
    public Double relayRatio;

    @Column(name = "phone_fallbacks", nullable = false)
    public int phoneFallbacks;

    @Column(name = "participants", nullable = false)
    public int participants;

    /** The VisitQualityReport as JSON. */
    @Column(name = "report")
    public String report;
}
