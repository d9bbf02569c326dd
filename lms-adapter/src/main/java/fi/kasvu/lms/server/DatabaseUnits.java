package fi.kasvu.lms.server;

import fi.kasvu.lms.web.UnitOfWork;
import fi.kasvu.store.jdbc.KasvuDatabase;
import java.io.IOException;

/** {@link UnitOfWork} on the tool's database ({@link KasvuDatabase#inUnit}). */
final class DatabaseUnits implements UnitOfWork {

    private final KasvuDatabase database;

    DatabaseUnits(KasvuDatabase database) {
        this.database = database;
    }

    @Override
    public void run(Work work) throws IOException {
        IOException[] gone = new IOException[1];
        database.inUnit(() -> {
            try {
                work.run();
            } catch (IOException e) {
                // The browser went away while the answer was written: what was saved stays saved.
                gone[0] = e;
            }
            return null;
        });
        if (gone[0] != null) {
            throw gone[0];
        }
    }

    @Override
    public void release() {
        database.releaseUnit();
    }

    @Override
    public void apart(Runnable work) {
        database.apart(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public void afterCommit(Runnable action) {
        database.afterCommit(action);
    }
}
