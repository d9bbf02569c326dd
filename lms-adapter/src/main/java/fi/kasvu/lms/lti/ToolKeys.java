package fi.kasvu.lms.lti;

import java.util.List;

/** The port storing the tool's own keys, shared by every server instance. */
public interface ToolKeys {

    /** Every stored key, retired ones included. */
    List<ToolKey> all();

    /** Stores a key, replacing the one with the same kid. */
    void save(ToolKey key);

    /** Deletes a key that is no longer published. */
    void delete(String kid);
}
