package fi.kasvu.lms.lti;

import java.util.List;
import java.util.Optional;

/** The port to the registered platforms, editable while the server runs. */
public interface Registrations {

    /** The registration of this issuer and client id, if any. */
    Optional<PlatformRegistration> find(String issuer, String clientId);

    /** Every registration, ordered by issuer and client id. */
    List<PlatformRegistration> all();

    /** Stores a registration, replacing the one with the same issuer and client id. */
    void save(PlatformRegistration registration);

    /**
     * Stores a new registration unless one with the same issuer and client id exists; an existing
     * one is left exactly as it was.
     *
     * @return whether it was stored
     */
    boolean create(PlatformRegistration registration);

    /**
     * Removes the registration of this issuer and client id.
     *
     * @return whether there was one
     */
    boolean remove(String issuer, String clientId);

    /** The registrations of one issuer (a login initiation may leave out the client id). */
    default List<PlatformRegistration> byIssuer(String issuer) {
        return all().stream().filter(r -> r.issuer().equals(issuer)).toList();
    }
}
