package io.televisit.quality.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.televisit.quality.model.QualityReport;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class QualityReportRepository implements PanacheRepositoryBase<QualityReport, UUID> {
}
