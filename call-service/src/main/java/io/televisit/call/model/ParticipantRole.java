package io.televisit.call.model;

public enum ParticipantRole {
    CLINICIAN,
    PATIENT,
    INTERPRETER,
    CAREGIVER;

    /** Clinicians run the visit; everyone else waits to be admitted. */
    public boolean needsAdmission() {
        return this != CLINICIAN;
    }
}
