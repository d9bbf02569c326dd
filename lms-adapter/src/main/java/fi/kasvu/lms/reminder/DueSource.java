package fi.kasvu.lms.reminder;

import fi.kasvu.common.DueItem;
import fi.kasvu.common.Language;
import fi.kasvu.common.TenantId;
import java.time.Instant;
import java.util.List;

/**
 * Due items a reminder round records besides the programmes' own (development plan reviews,
 * pending 360 invitations, …), and the mail each of them becomes. A source owns the due item
 * kinds it {@link #handles}; the scheduler asks it again before sending, so a review held or an
 * invitation withdrawn in the meantime is not reminded of.
 */
public interface DueSource {

    /**
     * A due item of a tenant.
     *
     * @param tenant the tenant
     * @param item   what is due, for whom, when
     */
    record Due(TenantId tenant, DueItem item) {
    }

    /** What falls due in {@code [from, to)}. */
    List<Due> due(Instant from, Instant to);

    /** Whether the due item kind is this source's. */
    boolean handles(String kind);

    /** Whether the item is still due (the document exists, the review is not held, the invitation still pending). */
    boolean stillDue(TenantId tenant, DueItem item);

    /** The mail's subject after the "Kasvu reminder:" prefix, in the language. */
    String subject(DueItem item, Language language);

    /** The mail's lines before the opt-out line: titles and times only, never what anyone wrote. */
    List<String> body(TenantId tenant, DueItem item, Language language);
}
