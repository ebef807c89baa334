package io.televisit.quality.rest;

import io.televisit.quality.model.QualityReport;

import java.time.Instant;
import java.util.UUID;

public record QualityReportView(UUID visitId, Instant generatedAt, Double averageMos, int poorSeconds, boolean relayed) {

    public static QualityReportView of(QualityReport report) {
        return new QualityReportView(report.visitId, report.generatedAt, report.averageMos, report.poorSeconds,
                report.relayed);
    }
}
