package io.televisit.call.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import io.televisit.call.audit.AuditAction;
import io.televisit.call.audit.AuditLog;
import io.televisit.call.model.Participant;
import io.televisit.call.model.Visit;
import io.televisit.call.model.VisitStatus;
import io.televisit.call.repository.ParticipantRepository;
import io.televisit.call.repository.VisitRepository;
import io.televisit.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Visit history (newest first, keyset pagination: stable while visits are added) and statistics over a period.
 * Admins see every visit, everyone else only visits they take part in.
 */
@ApplicationScoped
public class HistoryService {

    private static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final VisitRepository visits;
    private final ParticipantRepository participants;
    private final AuditLog audit;

    public HistoryService(VisitRepository visits, ParticipantRepository participants, AuditLog audit) {
        this.visits = visits;
        this.participants = participants;
        this.audit = audit;
    }

    public record Page(List<VisitContext> items, String nextCursor) {
    }

    @WithTransaction
    public Uni<Page> list(Caller caller, HistoryQuery query) {
        StringBuilder hql = new StringBuilder("from Visit v where 1 = 1");
        Parameters params = new Parameters();
        if (!caller.isAdmin()) {
            hql.append(" and exists (select 1 from Participant p where p.visitId = v.id and p.subject = :me)");
            params.and("me", caller.subject());
        }
        if (query.patient() != null) {
            hql.append(" and exists (select 1 from Participant p where p.visitId = v.id and p.subject = :patient"
                    + " and p.role = io.televisit.call.model.ParticipantRole.PATIENT)");
            params.and("patient", query.patient());
        }
        if (query.clinician() != null) {
            hql.append(" and exists (select 1 from Participant p where p.visitId = v.id and p.subject = :clinician"
                    + " and p.role = io.televisit.call.model.ParticipantRole.CLINICIAN)");
            params.and("clinician", query.clinician());
        }
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            hql.append(" and v.status in :statuses");
            params.and("statuses", query.statuses());
        }
        if (query.from() != null) {
            hql.append(" and v.scheduledAt >= :from");
            params.and("from", query.from());
        }
        if (query.to() != null) {
            hql.append(" and v.scheduledAt < :to");
            params.and("to", query.to());
        }
        if (query.cursor() != null) {
            Cursor after = Cursor.decode(query.cursor());
            hql.append(" and (v.scheduledAt < :cAt or (v.scheduledAt = :cAt and v.id < :cId))");
            params.and("cAt", after.scheduledAt()).and("cId", after.id());
        }
        hql.append(" order by v.scheduledAt desc, v.id desc");
        return visits.find(hql.toString(), params).range(0, query.limit()).list().chain(found -> {
            boolean more = found.size() > query.limit();
            List<Visit> page = more ? found.subList(0, query.limit()) : found;
            String next = more ? Cursor.of(page.get(page.size() - 1)).encode() : null;
            return withParticipants(page).map(items -> new Page(items, next));
        }).call(page -> audit.append(caller.subject(), AuditAction.VISIT_LISTED, null,
                Map.of("returned", String.valueOf(page.items().size()))));
    }

    public record Statistics(Instant from, Instant to, long total, Map<VisitStatus, Long> byStatus, Double successRate,
                             Double missedRate, Double averageDurationSeconds, Double p90DurationSeconds) {
    }

    /**
     * Counts by status over visits scheduled in [from, to). Rates are over attempted visits (ended, missed, declined,
     * failed): a cancelled visit never rang. Durations are of ended visits, from start to end.
     */
    @WithTransaction
    public Uni<Statistics> statistics(Caller caller, Instant from, Instant to) {
        if (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            throw ProblemException.badRequest("PERIOD_OUT_OF_RANGE", "from must precede to, by at most 366 days.");
        }
        String scope = caller.isAdmin() ? "" : " AND EXISTS (SELECT 1 FROM participant p WHERE p.visit_id = v.id "
                + "AND p.subject = ?3)";
        String counts = "SELECT status, count(*) FROM visit v WHERE v.scheduled_at >= ?1 AND v.scheduled_at < ?2"
                + scope + " GROUP BY status";
        String durations = "SELECT CAST(avg(d) AS float8), CAST(percentile_cont(0.9) WITHIN GROUP (ORDER BY d) AS float8) "
                + "FROM (SELECT extract(epoch FROM v.ended_at - v.started_at) AS d FROM visit v WHERE v.status = 'ENDED' "
                + "AND v.scheduled_at >= ?1 AND v.scheduled_at < ?2" + scope + ") AS ended";
        return Panache.getSession().chain(session -> {
            var countQuery = session.createNativeQuery(counts, Object[].class).setParameter(1, from).setParameter(2, to);
            var durationQuery = session.createNativeQuery(durations, Object[].class).setParameter(1, from)
                    .setParameter(2, to);
            if (!caller.isAdmin()) {
                countQuery.setParameter(3, caller.subject());
                durationQuery.setParameter(3, caller.subject());
            }
            return countQuery.getResultList().chain(rows -> durationQuery.getSingleResult().map(d -> {
                Map<VisitStatus, Long> byStatus = new EnumMap<>(VisitStatus.class);
                for (VisitStatus status : VisitStatus.values()) {
                    byStatus.put(status, 0L);
                }
                rows.forEach(row -> byStatus.put(VisitStatus.valueOf((String) row[0]), ((Number) row[1]).longValue()));
                long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
                long attempted = byStatus.get(VisitStatus.ENDED) + byStatus.get(VisitStatus.MISSED)
                        + byStatus.get(VisitStatus.DECLINED) + byStatus.get(VisitStatus.FAILED);
                Double success = attempted == 0 ? null : byStatus.get(VisitStatus.ENDED) / (double) attempted;
                Double missed = attempted == 0 ? null : byStatus.get(VisitStatus.MISSED) / (double) attempted;
                return new Statistics(from, to, total, byStatus, success, missed, (Double) d[0], (Double) d[1]);
            }));
        });
    }

    private Uni<List<VisitContext>> withParticipants(List<Visit> page) {
        if (page.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = page.stream().map(v -> v.id).toList();
        return participants.list("visitId in ?1 order by invitedAt, id", ids).map(all -> {
            Map<UUID, List<Participant>> byVisit = all.stream().collect(Collectors.groupingBy(p -> p.visitId));
            List<VisitContext> items = new ArrayList<>(page.size());
            page.forEach(v -> items.add(new VisitContext(v, byVisit.getOrDefault(v.id, List.of()))));
            return items;
        });
    }

    /** Opaque to clients: where the previous page ended. */
    record Cursor(Instant scheduledAt, UUID id) {
        static Cursor of(Visit visit) {
            return new Cursor(visit.scheduledAt, visit.id);
        }

        String encode() {
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((scheduledAt + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
            } catch (RuntimeException e) {
                throw ProblemException.badRequest("INVALID_CURSOR", "The cursor is not one this API returned.");
            }
        }
    }
}
