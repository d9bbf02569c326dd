package fi.kasvu.lms.activity.grow;

import fi.kasvu.grow.GrowEvent;
import fi.kasvu.grow.GrowEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's GROW event port as an operations log: which conversation completed a phase, was
 * completed, or had a follow-up held. Only ids, phases and dates are written, never what a learner
 * wrote and never who they are (the coachee's id stays out of the log). The completion's score
 * itself is recorded by the web layer with the save and swept up by the background worker.
 */
public final class GrowEventLog implements GrowEvents {

    private static final Logger LOG = LoggerFactory.getLogger(GrowEventLog.class);

    @Override
    public void on(GrowEvent event) {
        if (event instanceof GrowEvent.ConversationCompleted completed) {
            LOG.info("GROW conversation {} completed", completed.conversationId());
        } else if (event instanceof GrowEvent.PhaseCompleted phase) {
            LOG.debug("GROW conversation {} completed phase {}", phase.conversationId(), phase.phase().key());
        } else if (event instanceof GrowEvent.FollowUpRecorded followUp) {
            LOG.debug("GROW conversation {} held follow-up {}", followUp.conversationId(), followUp.checkInId());
        } else if (event instanceof GrowEvent.ActionDue due) {
            LOG.debug("GROW conversation {} has action {} due {}", due.conversationId(), due.actionId(), due.dueDate());
        }
    }
}
