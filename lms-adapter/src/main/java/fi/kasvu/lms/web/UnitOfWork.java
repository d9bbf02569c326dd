package fi.kasvu.lms.web;

import java.io.IOException;

/**
 * One request's database work as one transaction (issue 19): the login, the launch and each page
 * request read and write through the stores on one connection, committed once at the end, instead
 * of one committed transaction per statement.
 *
 * <p>No connection is held while a platform answers: code that calls out over the network (the
 * platform's keys, its roster, its web services) calls {@link #release()} first, which commits
 * what the request did so far and gives the connection back; the next statement starts a new
 * transaction.
 */
public interface UnitOfWork {

    /**
     * Runs the request's work as one unit. A {@link RuntimeException} rolls it back. An
     * {@link IOException} does not: it comes from writing the answer to a browser that went away,
     * and what the request saved stays saved.
     */
    void run(Work work) throws IOException;

    /** Commits what the current unit did so far and gives its connection back (before a network call). */
    void release();

    /** Runs the action after the current unit commits (at once outside a unit): to wake a worker that reads what it wrote. */
    void afterCommit(Runnable action);

    /**
     * Runs the work in a transaction of its own, committed before this returns, apart from the
     * current request's unit (which is released first, so no two connections are held, and goes
     * on afterwards): for work whose fate must not follow the request's, such as writing a batch
     * of other learners' survey ballots. By default the current unit is released and the work
     * runs as it is.
     */
    default void apart(Runnable work) {
        release();
        work.run();
    }

    /** A request's work. */
    @FunctionalInterface
    interface Work {
        /** Does it. */
        void run() throws IOException;
    }

    /** Every statement its own transaction (tests of a single store, tools without a database). */
    static UnitOfWork none() {
        return new UnitOfWork() {
            @Override
            public void run(Work work) throws IOException {
                work.run();
            }

            @Override
            public void release() {
            }

            @Override
            public void afterCommit(Runnable action) {
                action.run();
            }
        };
    }
}
