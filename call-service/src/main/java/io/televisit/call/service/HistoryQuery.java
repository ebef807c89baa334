package io.televisit.call.service;

import io.televisit.call.model.VisitStatus;

import java.time.Instant;
import java.util.Set;

/**
 * Filters of the visit history; null means "any". {@code cursor} continues a previous page.
 *
 * @param patient   account id of a patient participant
 * @param clinician account id of a clinician participant
 */
public record HistoryQuery(String patient, String clinician, Set<VisitStatus> statuses, Instant from, Instant to,
                           String cursor, int limit) {
}
