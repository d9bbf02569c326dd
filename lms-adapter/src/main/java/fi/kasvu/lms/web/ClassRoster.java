package fi.kasvu.lms.web;

import fi.kasvu.common.Require;
import java.util.List;

/** The seam to the LTI layer's Names and Role Provisioning: the learners of the teacher's course. */
public interface ClassRoster {

    /** The course's learners (empty if the platform offers no roster or cannot be reached). */
    List<Member> learners(PageSession session);

    /**
     * One learner.
     *
     * @param subject the platform's user id
     * @param name    the name ("" if not shared)
     */
    record Member(String subject, String name) {
        /** @throws IllegalArgumentException if the subject is blank */
        public Member {
            fi.kasvu.lms.lti.LtiIds.require("subject", subject);
            name = name == null ? "" : name;
        }

        /** The person this member stands for, as {@link PageSession#person()} gives it for their own launches. */
        public fi.kasvu.common.PersonId person() {
            return fi.kasvu.lms.lti.LtiIds.person(subject);
        }
    }

    /** No roster: only learners who launched the activity are known. */
    static ClassRoster none() {
        return session -> List.of();
    }
}
