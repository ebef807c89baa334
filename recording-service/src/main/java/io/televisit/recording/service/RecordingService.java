package io.televisit.recording.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.televisit.recording.model.Recording;
import io.televisit.recording.repository.RecordingRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RecordingService {

    private final RecordingRepository recordings;

    public RecordingService(RecordingRepository recordings) {
        this.recordings = recordings;
    }

    @WithSession
    public Uni<List<Recording>> listForVisit(UUID visitId) {
        return recordings.listByVisit(visitId);
    }
}
