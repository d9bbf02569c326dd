package fi.kasvu.lms.server;

import fi.kasvu.lms.web.UnitOfWork;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Runs each request of the login, the launch and the pages as one unit of work (issue 19): one
 * transaction per request instead of one per statement. A failing request rolls its unit back.
 *
 * <p>The answer reaches the browser only after the unit committed: the servlet writes into a
 * buffer, and a redirect or an error is held back, so the browser's next request (the page a
 * launch redirects to, the page after a publish) always sees what this one saved.
 */
final class UnitFilter implements Filter {

    private final UnitOfWork units;

    UnitFilter(UnitOfWork units) {
        this.units = units;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HeldResponse held = new HeldResponse((HttpServletResponse) response);
        try {
            units.run(() -> {
                try {
                    chain.doFilter(request, held);
                } catch (ServletException e) {
                    throw new Failed(e);
                }
            });
        } catch (Failed failed) {
            throw failed.servletException;
        }
        held.send();
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

    /**
     * The response held until the unit commits: status and headers go to the real response at once
     * (nothing is sent before a body byte, a redirect or an error), the body into memory, and a
     * redirect or an error is sent by {@link #send()}.
     */
    private static final class HeldResponse extends HttpServletResponseWrapper {
        private final HttpServletResponse real;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private ServletOutputStream stream;
        private PrintWriter writer;
        private String redirect;
        private Integer error;
        private String errorMessage;

        HeldResponse(HttpServletResponse real) {
            super(real);
            this.real = real;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("a held response is written synchronously");
                    }

                    @Override
                    public void write(int b) {
                        body.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) {
                        body.write(bytes, offset, length);
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(),
                        Charset.forName(getCharacterEncoding())), false);
            }
            return writer;
        }

        @Override
        public void sendRedirect(String location) {
            body.reset();
            redirect = location;
        }

        @Override
        public void sendError(int status) {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) {
            body.reset();
            error = status;
            errorMessage = message;
        }

        @Override
        public void flushBuffer() {
            if (writer != null) {
                writer.flush();
            }
        }

        @Override
        public boolean isCommitted() {
            return redirect != null || error != null;
        }

        @Override
        public void resetBuffer() {
            body.reset();
        }

        @Override
        public void reset() {
            body.reset();
            redirect = null;
            error = null;
            real.reset();
        }

        /** Sends what the servlet answered (called after the unit committed). */
        void send() throws IOException {
            if (writer != null) {
                writer.flush();
            }
            if (redirect != null) {
                real.sendRedirect(redirect);
            } else if (error != null) {
                real.sendError(error, errorMessage);
            } else if (body.size() > 0) {
                body.writeTo(real.getOutputStream());
            }
        }
    }
}
