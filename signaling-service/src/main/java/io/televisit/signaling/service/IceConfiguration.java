package io.televisit.signaling.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.televisit.signaling.config.SignalingSettings;
import io.televisit.signaling.protocol.ParticipantId;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ICE servers a participant gets in {@code joined}: every configured region, the client's region hint first and
 * the others as fallback, TURN entries with that participant's time-limited credentials.
 */
@Startup
@Singleton
public class IceConfiguration {

    @RegisterForReflection
    public record RegionServers(String region, List<String> urls) {
    }

    /** One RTCIceServer as the browser takes it, plus the region it belongs to. */
    @RegisterForReflection
    public record IceServer(List<String> urls, String username, String credential, String region) {
    }

    @RegisterForReflection
    public record IceOffer(List<IceServer> iceServers, String iceTransportPolicy, Instant credentialsExpireAt) {
    }

    private final List<RegionServers> regions;
    private final SignalingSettings settings;

    public IceConfiguration(SignalingSettings settings, ObjectMapper mapper) {
        this.settings = settings;
        this.regions = parse(settings.ice().servers(), mapper);
        if (settings.turn().refreshBefore().compareTo(settings.turn().credentialTtl()) >= 0) {
            throw new IllegalStateException("televisit.signaling.turn.refresh-before must be shorter than credential-ttl");
        }
    }

    public IceOffer forParticipant(ParticipantId participant, String regionHint) {
        Instant expires = Instant.now().plus(settings.turn().credentialTtl()).truncatedTo(ChronoUnit.SECONDS);
        TurnCredentials.Credential credential = TurnCredentials.issue(settings.turn().secret(), participant.toString(),
                expires);
        List<RegionServers> ordered = new ArrayList<>(regions);
        ordered.sort(Comparator.comparing(r -> !r.region().equals(regionHint)));
        List<IceServer> servers = ordered.stream().map(r -> r.urls().stream().anyMatch(u -> u.startsWith("turn"))
                ? new IceServer(r.urls(), credential.username(), credential.credential(), r.region())
                : new IceServer(r.urls(), null, null, r.region())).toList();
        return new IceOffer(servers, settings.ice().transportPolicy(), expires);
    }

    private static List<RegionServers> parse(String json, ObjectMapper mapper) {
        List<RegionServers> parsed;
        try {
            parsed = mapper.readValue(json, new TypeReference<List<RegionServers>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("televisit.signaling.ice.servers is not a JSON list of {region, urls}", e);
        }
        for (RegionServers region : parsed) {
            if (region.region() == null || region.urls() == null || region.urls().isEmpty() || region.urls().stream()
                    .anyMatch(u -> !(u.startsWith("stun:") || u.startsWith("turn:") || u.startsWith("turns:")))) {
                throw new IllegalStateException("every ICE region needs a name and stun:/turn:/turns: urls");
            }
        }
        return List.copyOf(parsed);
    }
}
