package io.televisit.call.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.televisit.call.model.Visit;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class VisitRepository implements PanacheRepositoryBase<Visit, UUID> {
}
