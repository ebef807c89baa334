package io.televisit.call.model;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A participant's consent to one purpose, who recorded it and how; current until withdrawn. */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "visit_id", nullable = false)
    public UUID visitId;

    @Column(name = "participant_id", nullable = false)
    public UUID participantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentPurpose purpose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ConsentMethod method;

    /** The account or link that gave it ("link:<id>" for a link-only patient). */
    @Column(name = "given_by", nullable = false)
    public String givenBy;

    /** The clinician who attests a verbal consent. */
    @Column(name = "attested_by")
    public String attestedBy;

    @Column(name = "given_at", nullable = false)
    public Instant givenAt;

    @Column(name = "client_address")
    public String clientAddress;

    @Column(name = "user_agent")
    public String userAgent;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;
}
