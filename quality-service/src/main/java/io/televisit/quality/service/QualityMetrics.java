package io.televisit.quality.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The last 24 hours' statistics as Prometheus gauges (televisit_quality_period_*{period="24h"}), read from the
 * database so every replica reports the same figures; refreshed every 30 s.
 */
@Singleton
public class QualityMetrics {

    private static final Logger LOG = Logger.getLogger(QualityMetrics.class);
    private static final Duration PERIOD = Duration.ofHours(24);

    private final StatisticsService statistics;
    private final AtomicReference<QualityStatistics> last = new AtomicReference<>();

    public QualityMetrics(StatisticsService statistics, MeterRegistry registry) {
        this.statistics = statistics;
        gauge(registry, "televisit.quality.period.visits", "Visits that ended in the period", s -> (double) s.visits());
        gauge(registry, "televisit.quality.period.average.mos", "Average audio MOS of those visits", QualityStatistics::averageMos);
        gauge(registry, "televisit.quality.period.poor.share", "Share of visits with poor quality",
                QualityStatistics::poorQualityShare);
        gauge(registry, "televisit.quality.period.relay.ratio", "Share of participants on a relayed path",
                QualityStatistics::relayRatio);
        gauge(registry, "televisit.quality.period.phone.fallbacks", "Phone fallbacks recommended",
                s -> (double) s.phoneFallbacks());
    }

    private void gauge(MeterRegistry registry, String name, String description,
                       java.util.function.Function<QualityStatistics, Double> value) {
        Gauge.builder(name, last, ref -> {
            QualityStatistics s = ref.get();
            Double v = s == null ? null : value.apply(s);
            return v == null ? Double.NaN : v;
        }).description(description).tag("period", "24h").register(registry);
    }

    @Scheduled(every = "30s", delay = 5, delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        Instant now = Instant.now();
        return statistics.over(now.minus(PERIOD), now).invoke(last::set)
                .onFailure().invoke(e -> LOG.warnf("quality statistics refresh failed: %s", e.getClass().getSimpleName()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }
}
