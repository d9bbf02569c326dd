package fi.kasvu.lms.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.kasvu.common.Language;
import fi.kasvu.common.PersonId;
import fi.kasvu.common.TenantId;
import fi.kasvu.lms.lti.PlatformRegistration;
import fi.kasvu.lms.lti.Registrations;
import fi.kasvu.lms.reminder.PlatformNotifier;
import fi.kasvu.lms.reminder.PlatformNotifier.NotifyException;
import fi.kasvu.lms.reminder.PlatformNotifier.Recipient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A reminder as a Moodle message against the answers a real Moodle 4.5 gave
 * ({@code moodle-fixtures/ws-course-services/2x_reminder_*}, recorded from this notifier's own calls):
 * the same requests, the recipient's profile language, a delivered message, and the {@code msgid -1}
 * refusal; plus the recorded refusal of a {@code clientmsgid} that is not alphanumext (quirk 19).
 */
class MoodleReminderNotifierReplayTest {

    private static final Path DIR = Path.of("src/test/resources/moodle-fixtures/ws-course-services");
    private static final String ISSUER = "http://127.0.0.1:8181";
    private static final String CLIENT = "0f4kx4NdfLt3CeK";
    private static final String TOKEN = "5eed5eed5eed5eed5eed5eed5eed5eed";
    private static final String ID = "kasvu-reminder-0123456789abcdef0123456789abcdef01234567";
    private static final String TEXT = "Kasvu reminder: An event is coming up\n\nProgramme: Live check\nWhen: 14 Jan 2027\n\n"
            + "Don't want these reminders? Stop them here: https://kasvu.example/reminders/optout/xyz";

    private static final PlatformRegistration REGISTRATION = new PlatformRegistration(ISSUER, CLIENT,
            URI.create(ISSUER + "/mod/lti/auth.php"), URI.create(ISSUER + "/mod/lti/token.php"),
            URI.create(ISSUER + "/mod/lti/certs.php"), Set.of("1"), "Moodle");
    private static final TenantId TENANT = REGISTRATION.tenant("1");

    private static String read(String file) {
        try {
            return Files.readString(DIR.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Registrations only(PlatformRegistration registration) {
        return new Registrations() {
            @Override
            public Optional<PlatformRegistration> find(String issuer, String clientId) {
                return all().stream().filter(r -> r.issuer().equals(issuer) && r.clientId().equals(clientId))
                        .findFirst();
            }

            @Override
            public List<PlatformRegistration> all() {
                return List.of(registration);
            }

            @Override
            public void save(PlatformRegistration r) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean create(PlatformRegistration r) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean remove(String issuer, String clientId) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static PlatformNotifier notifier(ScriptedMoodle moodle) {
        MoodleClient client = MoodleClient.newBuilder().baseUrl(moodle.url()).token(MoodleToken.of(TOKEN))
                .retryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, 0.0)).build();
        return new MoodleReminderNotifier(only(REGISTRATION), (issuer, clientId) -> ISSUER.equals(issuer)
                && CLIENT.equals(clientId) ? Optional.of(client) : Optional.empty());
    }

    private static Map<String, String> withoutToken(String body) {
        Map<String, String> form = new LinkedHashMap<>(MoodleFixtures.decodeForm(body.strip()));
        form.remove("wstoken");
        return form;
    }

    @Test
    void theRecordedReminder_isReplayedCallForCall() throws Exception {
        try (ScriptedMoodle moodle = new ScriptedMoodle()) {
            for (String name : List.of("22_reminder_core_user_get_users_by_field",
                    "23_reminder_core_user_get_users_by_field", "24_reminder_core_message_send_instant_messages",
                    "25_reminder_core_message_send_instant_messages")) {
                moodle.then(ScriptedMoodle.Answer.json(read(name + ".json")));
            }
            PlatformNotifier notifier = notifier(moodle);

            Optional<Recipient> learner = notifier.recipient(TENANT, PersonId.of("3"));
            assertThat(learner).contains(new Recipient(3, Optional.of(Language.EN)));
            assertThat(notifier.recipient(TENANT, PersonId.of("999"))).as("no such Moodle user").isEmpty();
            notifier.send(TENANT, learner.orElseThrow(), TEXT, ID);
            assertThatThrownBy(() -> notifier.send(TENANT, new Recipient(99999, Optional.empty()), "Kasvu reminder: test",
                    ID)).isInstanceOfSatisfying(NotifyException.class, e -> {
                        assertThat(e.refusedByRecipient()).isTrue();
                        assertThat(e.getMessage()).doesNotContain(TOKEN);
                    });

            List<ScriptedMoodle.Received> sent = moodle.received();
            assertThat(sent).hasSize(4);
            assertThat(withoutToken(sent.get(0).body()))
                    .isEqualTo(withoutToken(read("22_reminder_core_user_get_users_by_field.request.txt")));
            assertThat(withoutToken(sent.get(2).body()))
                    .isEqualTo(withoutToken(read("24_reminder_core_message_send_instant_messages.request.txt")))
                    .containsEntry("messages[0][textformat]", "2").containsEntry("messages[0][clientmsgid]", ID);
        }
    }

    @Test
    void aClientMessageIdMoodleWouldRefuse_isNeverSent() throws Exception {
        // Recorded: shared quirk 19, a clientmsgid with '/' and ':' fails the whole call with invalidparameter.
        try (ScriptedMoodle moodle = new ScriptedMoodle()) {
            moodle.then(ScriptedMoodle.Answer.json(MoodleFixtures.response(
                    "errors/core_message_send_instant_messages__clientmsgid_with_slash_and_colon")));
            PlatformNotifier notifier = notifier(moodle);

            assertThatThrownBy(() -> notifier.send(TENANT, new Recipient(3, Optional.empty()), TEXT,
                    "kasvu:reminder/1")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("clientmsgid");
            assertThat(moodle.received()).isEmpty();
        }
    }

    @Test
    void aMoodleThatRefusesTheCall_isATransientFailure() throws Exception {
        try (ScriptedMoodle moodle = new ScriptedMoodle()) {
            moodle.then(ScriptedMoodle.Answer.json(MoodleFixtures.response("accessexception")));

            assertThatThrownBy(() -> notifier(moodle).send(TENANT, new Recipient(3, Optional.empty()), TEXT, ID))
                    .isInstanceOfSatisfying(NotifyException.class, e -> {
                        assertThat(e.refusedByRecipient()).isFalse();
                        assertThat(e.getMessage()).contains("accessexception");
                    });
        }
    }

    @Test
    void aTenantOfAnotherPlatform_orAPersonWithoutAMoodleId_hasNoRecipient_withoutACall() throws Exception {
        try (ScriptedMoodle moodle = new ScriptedMoodle()) {
            PlatformNotifier notifier = notifier(moodle);

            assertThat(notifier.recipient(PlatformRegistration.tenantOf(ISSUER, CLIENT, "2"), PersonId.of("3")))
                    .as("a deployment the registration does not have").isEmpty();
            assertThat(notifier.recipient(TenantId.of("other"), PersonId.of("3"))).isEmpty();
            assertThat(notifier.recipient(TENANT, PersonId.of("https://other.example/u/3"))).isEmpty();
            assertThat(notifier.recipient(TENANT, PersonId.of("03"))).isEmpty();
            assertThat(moodle.received()).isEmpty();
        }
    }

    @Test
    void moodleLanguages_mapToKasvus_andLongTextsAreCutToWhatMoodleTakes() {
        assertThat(MoodleReminderNotifier.language("fi")).contains(Language.FI);
        assertThat(MoodleReminderNotifier.language("sv_fi")).contains(Language.SV);
        assertThat(MoodleReminderNotifier.language("en_us")).contains(Language.EN);
        assertThat(MoodleReminderNotifier.language("de")).isEmpty();
        assertThat(MoodleReminderNotifier.language("")).isEmpty();
        String cut = MoodleReminderNotifier.fit("ä".repeat(5000));
        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(InstantMessage.MAX_TEXT_BYTES);
        assertThat(cut).endsWith("…");
    }
}
