package io.televisit.quality.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.televisit.quality.model.QualityReport;
import io.televisit.quality.report.ParticipantQuality;
import io.televisit.quality.report.ReportBuilder;
import io.televisit.quality.report.VisitQualityReport;
import io.televisit.quality.repository.QualityReportRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A visit's report: the stored final one, or one computed now while the visit runs. */
@ApplicationScoped
public class QualityReportService {

    private final QualityReportRepository reports;
    private final ReportBuilder builder;
    private final ObjectMapper mapper;

    public QualityReportService(QualityReportRepository reports, ReportBuilder builder, ObjectMapper mapper) {
        this.reports = reports;
        this.builder = builder;
        this.mapper = mapper;
    }

    @WithSession
    public Uni<Optional<VisitQualityReport>> find(UUID visitId) {
        return reports.findById(visitId).chain(stored -> stored != null && stored.report != null
                ? Uni.createFrom().item(Optional.of(read(stored.report)))
                : builder.build(visitId, "LIVE", null, null).map(Optional::ofNullable));
    }

    /**
     * Writes the final report of a visit that ended or failed; runs inside the caller's transaction (the inbox).
     * A visit without samples gets no report.
     */
    public Uni<Void> finish(UUID visitId, Instant endedAt, String outcome) {
        return builder.build(visitId, "FINAL", endedAt, outcome).chain(report -> report == null
                ? Uni.createFrom().voidItem()
                : reports.findById(visitId).chain(existing -> {
                    QualityReport row = existing == null ? new QualityReport() : existing;
                    row.visitId = visitId;
                    row.generatedAt = report.generatedAt();
                    row.endedAt = endedAt;
                    row.outcome = outcome;
                    row.averageMos = report.averageMos();
                    row.poorQuality = report.poorQuality();
                    row.poorSeconds = (int) Math.round(report.poorShare() * visitSeconds(report));
                    row.relayRatio = report.relayRatio();
                    row.relayed = report.relayRatio() != null && report.relayRatio() > 0;
                    row.phoneFallbacks = report.phoneFallbacks();
                    row.participants = report.participants().size();
                    row.report = write(report);
                    return existing == null ? Panache.getSession().chain(s -> s.persist(row)) : Uni.createFrom().voidItem();
                }));
    }

    private static long visitSeconds(VisitQualityReport report) {
        Instant first = report.participants().stream().map(ParticipantQuality::firstSampleAt).min(Instant::compareTo)
                .orElseThrow();
        Instant last = report.participants().stream().map(ParticipantQuality::lastSampleAt).max(Instant::compareTo)
                .orElseThrow();
        return Duration.between(first, last).toSeconds();
    }

    private VisitQualityReport read(String json) {
        try {
            return mapper.readValue(json, VisitQualityReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored quality report is not readable", e);
        }
    }

    private String write(VisitQualityReport report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("quality report cannot be written", e);
        }
    }
}
