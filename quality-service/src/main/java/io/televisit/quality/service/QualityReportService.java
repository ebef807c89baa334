package io.televisit.quality.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.televisit.quality.model.QualityReport;
import io.televisit.quality.repository.QualityReportRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class QualityReportService {

    private final QualityReportRepository reports;

    public QualityReportService(QualityReportRepository reports) {
        this.reports = reports;
    }

    @WithSession
    public Uni<Optional<QualityReport>> find(UUID visitId) {
        return reports.findById(visitId).map(Optional::ofNullable);
    }
}
