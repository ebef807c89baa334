package io.televisit.call.service;

import io.televisit.call.model.Participant;
import io.televisit.call.model.ParticipantRole;
import io.televisit.call.model.Visit;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A visit with its participants, as loaded for one request. */
public record VisitContext(Visit visit, List<Participant> participants) {

    /** The caller's own participant entry, if the caller takes part in the visit. */
    public Optional<Participant> participantOf(Caller caller) {
        return participants.stream().filter(p -> caller.subject().equals(p.subject)).findFirst();
    }

    public Optional<Participant> participant(UUID participantId) {
        return participants.stream().filter(p -> p.id.equals(participantId)).findFirst();
    }

    public boolean isClinicianOf(Caller caller) {
        return caller.isClinician() && participantOf(caller).map(p -> p.role == ParticipantRole.CLINICIAN).orElse(false);
    }
}
