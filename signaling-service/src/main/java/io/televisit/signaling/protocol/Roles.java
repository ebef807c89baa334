package io.televisit.signaling.protocol;

/** Participant roles as call-service names them in visit access tokens (CLINICIAN, PATIENT, INTERPRETER, CAREGIVER). */
public final class Roles {

    public static final String CLINICIAN = "CLINICIAN";

    private Roles() {
    }

    /** Clinicians admit the others and make the offers; everyone else waits to be admitted. */
    public static boolean isClinician(String role) {
        return CLINICIAN.equals(role);
    }
}
