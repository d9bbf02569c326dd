package fi.kasvu.lms.server;

import fi.kasvu.lms.web.UnitOfWork;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/**
 * Runs each request of the login, the launch and the pages as one unit of work (issue 19): one
 * transaction per request instead of one per statement. A failing request rolls its unit back.
 */
final class UnitFilter implements Filter {

    private final UnitOfWork units;

    UnitFilter(UnitOfWork units) {
        this.units = units;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            units.run(() -> {
                try {
                    chain.doFilter(request, response);
                } catch (ServletException e) {
                    throw new Failed(e);
                }
            });
        } catch (Failed failed) {
            throw failed.servletException;
        }
    }

    /** A servlet's failure carried out of the unit, which it rolls back. */
    private static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient ServletException servletException;

        Failed(ServletException cause) {
            super(null, null, false, false);
            this.servletException = cause;
        }
    }
}
