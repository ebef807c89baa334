package io.televisit.call.audit;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row holding the newest hash of the audit chain. */
@Entity
@Table(name = "audit_head")
public class AuditHead extends PanacheEntityBase {

    public static final int ID = 1;

    @Id
    public int id;

    public String hash;
}
