package eu.somework.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Gives the status codes the tool answers with and Payara's HTTP layer (Grizzly) does not know
 * their reason phrase: without it, a 429 goes out as {@code HTTP/1.1 429 CUSTOM}. Neither JAX-RS
 * nor Servlet 6 can set a reason phrase (Servlet 6 dropped {@code setStatus(int, String)}), so the
 * phrases are added once to Grizzly's table of status lines, found through the class loader of the
 * container's response object on the first request. Where that fails (another container), the status
 * code is still right: the failure is logged once and nothing else changes.
 */
@WebFilter(filterName = "status-lines", urlPatterns = "/*", asyncSupported = true)
public class StatusLines extends HttpFilter {
  private static final Logger LOG = Logger.getLogger(StatusLines.class.getName());
  private static final String GRIZZLY_STATUS = "org.glassfish.grizzly.http.util.HttpStatus";
  /** RFC 6585 §4; the only code the tool answers with that Grizzly lacks. */
  static final Map<Integer, String> PHRASES = Map.of(429, "Too Many Requests");
  private static final AtomicBoolean DONE = new AtomicBoolean();

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!DONE.get() && DONE.compareAndSet(false, true)) {
      register(response);
    }
    chain.doFilter(request, response);
  }

  private static void register(HttpServletResponse response) {
    try {
      Class<?> status = load(response);
      Method find = status.getMethod("getHttpStatus", int.class);
      Method reason = status.getMethod("getReasonPhrase");
      Method add = status.getDeclaredMethod("register", int.class, String.class);
      add.setAccessible(true);
      for (Map.Entry<Integer, String> phrase : PHRASES.entrySet()) {
        if ("CUSTOM".equals(reason.invoke(find.invoke(null, phrase.getKey())))) {
          add.invoke(null, phrase.getKey(), phrase.getValue());
        }
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      LOG.info(() -> "Status lines keep the server's reason phrases (" + e + ")");
    }
  }

  private static Class<?> load(HttpServletResponse response) throws ClassNotFoundException {
    jakarta.servlet.ServletResponse container = response;
    while (container instanceof jakarta.servlet.ServletResponseWrapper wrapper) {
      container = wrapper.getResponse();
    }
    for (ClassLoader loader : new ClassLoader[] {container.getClass().getClassLoader(),
        Thread.currentThread().getContextClassLoader()}) {
      try {
        if (loader != null) {
          return Class.forName(GRIZZLY_STATUS, false, loader);
        }
      } catch (ClassNotFoundException tryNext) {
        // the next loader may see it
      }
    }
    return Class.forName(GRIZZLY_STATUS);
  }
}
