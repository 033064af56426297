package eu.somework.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The request log: one {@link RequestLine} per request, at INFO on the logger
 * {@code eu.somework.request}, written when the response is done. A servlet filter rather than a
 * JAX-RS one, so that it sees every request of the tool (static files, requests no resource
 * matched, answers the server itself makes) and times the whole response.
 *
 * <p>It gives the request its correlation id ({@link RequestCorrelation}) before anything else runs
 * and returns it in the {@code X-Request-Id} response header. It reads the method and the path
 * only; never the query string, a parameter, a header value other than {@code X-Request-Id}, or the
 * body (reading parameters here would also consume a form's body before JAX-RS).
 */
@WebFilter(filterName = "request-log", urlPatterns = "/*", asyncSupported = true)
public class RequestLog extends HttpFilter {
  /** The logger's name: an operator can route or silence the request log by it. */
  public static final String LOGGER = "eu.somework.request";
  private static final Logger LOG = Logger.getLogger(LOGGER);

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long start = System.nanoTime();
    RequestCorrelation correlation = RequestCorrelation.begin(
        RequestCorrelation.accept(request.getHeader(RequestCorrelation.HEADER)));
    response.setHeader(RequestCorrelation.HEADER, correlation.id());
    boolean failed = true;
    try {
      chain.doFilter(request, response);
      failed = false;
    } finally {
      // a failure that escapes the chain becomes the server's 500, whatever the status says so far
      int status = failed ? 500 : response.getStatus();
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      String line = new RequestLine(correlation.id(), request.getMethod(), correlation.route(),
          request.getRequestURI(), status, millis).format();
      LOG.info(line);
      RequestCorrelation.end();
    }
  }
}
