package fi.kasvu.lms.lti;

import fi.kasvu.common.Require;

/** The outcome of validating a launch: accepted with its context, or rejected with a reason. */
public sealed interface LaunchResult {

    /**
     * A verified launch.
     *
     * @param context what the launch says
     */
    record Accepted(LaunchContext context) implements LaunchResult {
        /** @throws NullPointerException if the context is null */
        public Accepted {
            Require.nonNull("context", context);
        }
    }

    /**
     * A refused launch.
     *
     * @param rejection why
     */
    record Rejected(LaunchRejection rejection) implements LaunchResult {
        /** @throws NullPointerException if the rejection is null */
        public Rejected {
            Require.nonNull("rejection", rejection);
        }
    }
}
