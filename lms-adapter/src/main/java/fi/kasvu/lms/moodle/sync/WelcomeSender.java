package fi.kasvu.lms.moodle.sync;

import fi.kasvu.lms.moodle.InstantMessage;
import fi.kasvu.lms.moodle.MessageResult;
import fi.kasvu.lms.moodle.MoodleCalls;
import fi.kasvu.lms.moodle.MoodleClient;
import fi.kasvu.lms.moodle.MoodleException;
import fi.kasvu.lms.moodle.SentMessage;
import fi.kasvu.lms.moodle.SentMessages;
import fi.kasvu.lms.moodle.sync.SyncPlan.MemberPlan;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sends welcome messages in batches, at most once each.
 *
 * <p>Moodle's {@code core_message_send_instant_messages} takes many messages per call, but a call
 * that mixes a refused and a delivered message fails with {@code formatnotsupported} after every
 * message has been tried (fixture quirk 12): the deliverable ones have arrived, and Moodle does
 * not say which. So recipients are checked first; a batch that still fails that way is settled by
 * reading back what the token user sent ({@code core_message_get_messages}, when the service has
 * it) and only the undelivered ones are sent again one by one, which gives Moodle's reason for
 * each refusal. Messages whose outcome is unknown (a lost answer, a killed run) are settled the
 * same way on the next run; without the read-back function they are reported and never resent.
 */
final class WelcomeSender {

    /** The read-back function; optional in the service, but without it uncertain messages stay uncertain. */
    static final String READ_BACK = "core_message_get_messages";

    /** Moodle's error when a batch mixed delivered and refused messages (all were tried). */
    private static final String MIXED_BATCH = "formatnotsupported";

    /** Messages read back per call, and the most pages read before giving up on finding the rest. */
    private static final int PAGE = 500;
    private static final int MAX_PAGES = 40;

    private final MoodleClient moodle;
    private final SyncJournal journal;
    private final int batchSize;
    private final SyncProgress progress;
    private final long senderId;
    private final boolean canReadBack;
    private final List<String> problems;
    private int sent;

    WelcomeSender(MoodleClient moodle, SyncJournal journal, int batchSize, SyncProgress progress, long senderId,
            boolean canReadBack, List<String> problems) {
        this.moodle = moodle;
        this.journal = journal;
        this.batchSize = batchSize;
        this.progress = progress;
        this.senderId = senderId;
        this.canReadBack = canReadBack;
        this.problems = problems;
    }

    /** How many messages Moodle stored in this run (not counting ones an earlier run sent and this one confirmed). */
    int sent() {
        return sent;
    }

    /**
     * Finds out in Moodle whether messages an earlier run left uncertain arrived. Those that did are
     * recorded as sent; those that did not are returned, to be sent now.
     *
     * @throws IOException if the read-back fails in transport or the journal cannot be written
     * @throws MoodleException if Moodle refuses the read-back
     */
    List<MemberPlan> settleUncertain(List<MemberPlan> uncertain) throws IOException, MoodleException {
        if (uncertain.isEmpty()) {
            return List.of();
        }
        if (!canReadBack) {
            problems.add(uncertain.size() + " welcome message(s) were being sent when an earlier run stopped;"
                    + " they are not resent automatically (check the members' messages in Moodle, or add "
                    + READ_BACK + " to the service so that Kasvu can check)");
            return List.of();
        }
        Map<String, Long> delivered = readBack(uncertain);
        List<MemberPlan> missing = new ArrayList<>();
        for (MemberPlan member : uncertain) {
            Long msgid = delivered.get(member.message().key());
            if (msgid != null) {
                journal.messageSent(member.message().key(), msgid);
            } else {
                missing.add(member);
            }
        }
        return missing;
    }

    /**
     * Sends the messages in batches, checking recipients first.
     *
     * @throws IOException if a call fails in transport (run again: uncertain messages are settled then)
     * @throws MoodleException if Moodle refuses a whole call for a reason other than a mixed batch
     */
    void send(List<MemberPlan> members) throws IOException, MoodleException {
        List<MemberPlan> checked = new ArrayList<>();
        for (MemberPlan member : members) {
            String refusal = precheck(member);
            if (refusal == null) {
                checked.add(member);
            } else {
                journal.messageFailed(member.message().key(), refusal);
                problems.add("welcome message to user " + member.userId() + " not sent: " + refusal);
            }
        }
        int done = 0;
        for (int from = 0; from < checked.size(); from += batchSize) {
            List<MemberPlan> batch = checked.subList(from, Math.min(checked.size(), from + batchSize));
            sendBatch(batch);
            done += batch.size();
            progress.update("welcome messages", done, checked.size());
        }
    }

    /** Why Moodle would refuse this message, or null: what can be checked without asking Moodle. */
    private String precheck(MemberPlan member) {
        if (member.userId() == senderId) {
            return "the recipient is the web-service account itself";
        }
        int bytes = member.message().text().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > InstantMessage.MAX_TEXT_BYTES) {
            return "the text is " + bytes + " bytes; Moodle takes at most " + InstantMessage.MAX_TEXT_BYTES;
        }
        return null;
    }

    private void sendBatch(List<MemberPlan> batch) throws IOException, MoodleException {
        journal.messagesIntended(batch.stream().map(m -> m.message().key()).toList());
        List<MessageResult> results;
        try {
            results = moodle.execute(MoodleCalls.sendInstantMessages(messages(batch)));
        } catch (MoodleException e) {
            if (MIXED_BATCH.equals(e.errorCode())) {
                settleMixedBatch(batch);
                return;
            }
            if (refusedBeforeSending(e)) {
                for (MemberPlan member : batch) {
                    journal.messageFailed(member.message().key(), e.errorCode());
                }
            }
            // Anything else may have happened half-way: the messages stay uncertain and are settled next run.
            throw e;
        } catch (IOException e) {
            if (neverSent(e)) {
                for (MemberPlan member : batch) {
                    journal.messageFailed(member.message().key(), "not sent: " + e.getClass().getSimpleName());
                }
            }
            throw e;
        }
        record(batch, results);
    }

    private void record(List<MemberPlan> batch, List<MessageResult> results) throws IOException {
        Map<String, MessageResult> byKey = new HashMap<>();
        for (int i = 0; i < results.size(); i++) {
            MessageResult result = results.get(i);
            String key = result.clientmsgid() != null ? result.clientmsgid()
                    : i < batch.size() ? batch.get(i).message().key() : null;
            if (key != null) {
                byKey.put(key, result);
            }
        }
        List<Map.Entry<String, Long>> delivered = new ArrayList<>();
        for (MemberPlan member : batch) {
            String key = member.message().key();
            MessageResult result = byKey.get(key);
            if (result == null) {
                problems.add("welcome message to user " + member.userId() + ": Moodle's answer did not mention it;"
                        + " it is not resent automatically");
            } else if (result.delivered()) {
                delivered.add(Map.entry(key, result.msgid()));
            } else {
                String reason = result.failure().orElse("refused");
                journal.messageFailed(key, reason);
                problems.add("welcome message to user " + member.userId() + " refused: " + reason);
            }
        }
        journal.messagesSent(delivered);
        sent += delivered.size();
    }

    /**
     * Moodle tried every message of the batch and delivered those it could. Reads back which ones
     * arrived and sends the others one by one (each then gets Moodle's own reason).
     */
    private void settleMixedBatch(List<MemberPlan> batch) throws IOException, MoodleException {
        if (!canReadBack) {
            problems.add(batch.size() + " welcome message(s) went in a batch that Moodle partly refused: every one"
                    + " it could deliver was delivered, but Moodle did not say which were refused (add " + READ_BACK
                    + " to the service so that Kasvu can tell); they are not resent");
            return;
        }
        Map<String, Long> delivered = readBack(batch);
        List<MemberPlan> retry = new ArrayList<>();
        List<Map.Entry<String, Long>> arrived = new ArrayList<>();
        for (MemberPlan member : batch) {
            Long msgid = delivered.get(member.message().key());
            if (msgid != null) {
                arrived.add(Map.entry(member.message().key(), msgid));
            } else {
                retry.add(member);
            }
        }
        journal.messagesSent(arrived);
        sent += arrived.size();
        for (MemberPlan member : retry) {
            record(List.of(member), moodle.execute(MoodleCalls.sendInstantMessages(messages(List.of(member)))));
        }
    }

    /** Which of these messages Moodle holds, by journal key, read from the newest messages the token user sent. */
    private Map<String, Long> readBack(List<MemberPlan> wanted) throws IOException, MoodleException {
        Map<String, Long> found = new HashMap<>();
        for (int page = 0; page < MAX_PAGES && found.size() < wanted.size(); page++) {
            SentMessages messages = moodle.execute(MoodleCalls.messagesSentBy(senderId, page * PAGE, PAGE));
            for (SentMessage message : messages.messages()) {
                for (MemberPlan member : wanted) {
                    if (!found.containsKey(member.message().key()) && message.id() != null
                            && message.is(member.userId(), member.message().text())) {
                        found.put(member.message().key(), message.id());
                    }
                }
            }
            if (messages.messages().size() < PAGE) {
                break;
            }
        }
        return found;
    }

    private static List<InstantMessage> messages(List<MemberPlan> batch) {
        return batch.stream().map(m -> new InstantMessage(m.userId(), m.message().text(), 2, m.message().key()))
                .toList();
    }

    /** Errors Moodle raises before it looks at any message: nothing was delivered. */
    private static boolean refusedBeforeSending(MoodleException e) {
        return Set.of(MoodleException.Kind.INVALID_PARAMETER, MoodleException.Kind.ACCESS_DENIED,
                MoodleException.Kind.INVALID_TOKEN, MoodleException.Kind.UNKNOWN_FUNCTION,
                MoodleException.Kind.WEB_SERVICES_DISABLED).contains(e.kind()) || "disabled".equals(e.errorCode());
    }

    private static boolean neverSent(IOException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof UnknownHostException
                    || cause instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
