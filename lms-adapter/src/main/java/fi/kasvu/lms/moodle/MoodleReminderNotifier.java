package fi.kasvu.lms.moodle;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.lms.lti.PlatformRegistration;
import fi.kasvu.lms.lti.Registrations;
import fi.kasvu.lms.reminder.PlatformNotifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reminders as Moodle instant messages ({@code core_message_send_instant_messages}) from the
 * token's user, for the tenants whose platform has Moodle web services configured.
 *
 * <p>A tenant is one deployment of one registration ({@link PlatformRegistration#tenant(String)}),
 * so the registration is found by comparing tenants; the person is the LTI {@code sub}, which on
 * Moodle is the numeric user id ({@link fi.kasvu.lms.lti.LtiIds#person(String)} keeps ids of up to
 * 200 characters as they are, so a Moodle id comes back unchanged). Their language comes from their
 * Moodle profile ({@code core_user_get_users_by_field}). One message per call: Moodle fails a call
 * that mixes a refused and a delivered message after delivering (fixture quirk 12).
 */
public final class MoodleReminderNotifier implements PlatformNotifier {

    /** The web-service functions reminders need. */
    public static final java.util.Set<String> FUNCTIONS = java.util.Set.of("core_user_get_users_by_field",
            "core_message_send_instant_messages");

    private static final Pattern MOODLE_ID = Pattern.compile("[1-9][0-9]{0,17}");

    private final Registrations registrations;
    private final MoodleSites sites;

    /** Notifications through the sites configured for the registered platforms. */
    public MoodleReminderNotifier(Registrations registrations, MoodleSites sites) {
        this.registrations = Objects.requireNonNull(registrations, "registrations must not be null");
        this.sites = Objects.requireNonNull(sites, "sites must not be null");
    }

    @Override
    public Optional<Recipient> recipient(TenantId tenant, PersonId person) throws NotifyException {
        Optional<MoodleClient> moodle = client(tenant);
        if (moodle.isEmpty() || !MOODLE_ID.matcher(person.value()).matches()) {
            return Optional.empty();
        }
        long userId = Long.parseLong(person.value());
        List<MoodleUser> users;
        try {
            users = moodle.get().execute(MoodleCalls.usersByField(MoodleCalls.UserField.ID,
                    List.of(Long.toString(userId))));
        } catch (MoodleException e) {
            throw new NotifyException("core_user_get_users_by_field " + e.errorCode(), false);
        } catch (IOException e) {
            throw new NotifyException("core_user_get_users_by_field failed in transport", false);
        }
        return users.stream().filter(user -> user.id() != null && user.id() == userId).findFirst()
                .map(user -> new Recipient(userId, language(user.lang())));
    }

    @Override
    public void send(TenantId tenant, Recipient recipient, String text, String clientMessageId) throws NotifyException {
        MoodleClient moodle = client(tenant).orElseThrow(() -> new NotifyException("notconfigured", false));
        List<MessageResult> results;
        try {
            results = moodle.execute(MoodleCalls.sendInstantMessages(List.of(new InstantMessage(recipient.userId(),
                    fit(text), 2, clientMessageId))));
        } catch (MoodleException e) {
            throw new NotifyException("core_message_send_instant_messages " + e.errorCode(), false);
        } catch (IOException e) {
            throw new NotifyException("core_message_send_instant_messages failed in transport", false);
        }
        if (results.isEmpty() || results.get(0).msgid() == null || results.get(0).msgid() < 1) {
            // msgid -1 with an errormessage: the user's message preferences (or a deleted user) refuse it.
            throw new NotifyException("core_message_send_instant_messages refused by the recipient", true);
        }
    }

    private Optional<MoodleClient> client(TenantId tenant) {
        for (PlatformRegistration registration : registrations.all()) {
            if (!registration.active()) {
                continue;
            }
            for (String deployment : registration.deploymentIds()) {
                if (registration.tenant(deployment).equals(tenant)) {
                    return sites.forPlatform(registration.issuer(), registration.clientId());
                }
            }
        }
        return Optional.empty();
    }

    /** Moodle's language codes ({@code fi}, {@code sv_fi}, {@code en_us}) as Kasvu's, if it speaks them. */
    static Optional<Language> language(String moodleLang) {
        if (moodleLang == null || moodleLang.isBlank()) {
            return Optional.empty();
        }
        String primary = moodleLang.strip().toLowerCase(Locale.ROOT).split("[_-]", 2)[0];
        return switch (primary) {
            case "fi" -> Optional.of(Language.FI);
            case "sv" -> Optional.of(Language.SV);
            case "en" -> Optional.of(Language.EN);
            default -> Optional.empty();
        };
    }

    /** The text cut to what Moodle takes (4096 bytes), on a character boundary. */
    static String fit(String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= InstantMessage.MAX_TEXT_BYTES) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > InstantMessage.MAX_TEXT_BYTES - 3) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return out.append("…").toString();
    }
}
