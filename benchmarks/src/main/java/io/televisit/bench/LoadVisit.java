package io.televisit.bench;

import io.televisit.testing.TestTokens;

import java.util.List;
import java.util.UUID;

/**
 * A visit: the clinician and the patient, each with a visit access token as call-service mints it (role claim =
 * ParticipantRole name, upper case, which is also what the presence and admission event schemas accept).
 */
record LoadVisit(Participant clinician, Participant patient) {

    static LoadVisit create(LoadRun run) {
        String visitId = UUID.randomUUID().toString();
        String clinicianId = UUID.randomUUID().toString();
        String patientId = UUID.randomUUID().toString();
        Participant clinician = new Participant(run, visitId, clinicianId, "CLINICIAN",
                TestTokens.visit(visitId, clinicianId, "CLINICIAN"));
        Participant patient = new Participant(run, visitId, patientId, "PATIENT",
                TestTokens.visit(visitId, patientId, "PATIENT"));
        clinician.peer = patient;
        patient.peer = clinician;
        return new LoadVisit(clinician, patient);
    }

    List<Participant> both() {
        return List.of(clinician, patient);
    }
}
