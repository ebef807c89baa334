package io.televisit.events.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Test aggregate: its changes emit visit events keyed by its id. */
@Entity
@Table(name = "note")
public class Note extends PanacheEntityBase {

    @Id
    public UUID id;

    public int counter;
}
