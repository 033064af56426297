package eu.somework.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Opens the request scope of {@link RegistrationChanges} around every request: the access check,
 * the launch and the page's Content-Security-Policy then see one registrations' generation, and,
 * while the change feed is down (PostgreSQL), share one read of it. Requests that ask for none
 * (static files, health) read nothing.
 */
@WebFilter(filterName = "registration-changes", urlPatterns = "/*", asyncSupported = true)
public class RegistrationChangesPerRequest extends HttpFilter {
  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    boolean opened = RegistrationChanges.openRequestScope();
    try {
      chain.doFilter(request, response);
    } finally {
      if (opened) {
        RegistrationChanges.closeRequestScope();
      }
    }
  }
}
