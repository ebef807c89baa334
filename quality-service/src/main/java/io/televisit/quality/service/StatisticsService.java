package io.televisit.quality.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.ZoneOffset;

/** Statistics over the final reports of a period. */
@Singleton
public class StatisticsService {

    private static final String QUERY = """
            SELECT count(*) AS visits, avg(average_mos) AS average_mos,
                count(*) FILTER (WHERE poor_quality) AS poor_visits,
                sum(relay_ratio * participants) / nullif(sum(participants) FILTER (WHERE relay_ratio IS NOT NULL), 0)
                    AS relay_ratio,
                coalesce(sum(phone_fallbacks), 0) AS phone_fallbacks
            FROM quality_report WHERE ended_at >= $1 AND ended_at < $2""";

    private final Pool pool;

    public StatisticsService(Pool pool) {
        this.pool = pool;
    }

    public Uni<QualityStatistics> over(Instant from, Instant to) {
        return pool.preparedQuery(QUERY).execute(Tuple.of(from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    long visits = row.getLong("visits");
                    long poor = row.getLong("poor_visits");
                    return new QualityStatistics(from, to, visits, round(row.getDouble("average_mos")), poor,
                            visits == 0 ? null : round(poor / (double) visits), round(row.getDouble("relay_ratio")),
                            row.getLong("phone_fallbacks"));
                });
    }

    private static Double round(Double value) {
        return value == null ? null : Math.round(value * 1000) / 1000.0;
    }
}
