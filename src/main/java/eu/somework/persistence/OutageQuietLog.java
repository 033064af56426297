package eu.somework.persistence;

import org.eclipse.persistence.logging.AbstractSessionLog;
import org.eclipse.persistence.logging.SessionLog;
import org.eclipse.persistence.logging.SessionLogEntry;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink's log, less its reports of the database being unreachable. EclipseLink logs every
 * such failure with its stack trace (a SEVERE for each connection it could not open, a WARNING for
 * each query that failed) before throwing it; while the database is down that is a storm of traces
 * every few seconds. The failure still reaches the tool's code, which says it once: a 503 and one
 * line per request ({@code WebErrorMapper}), one line per background job ({@code BackgroundJobs}).
 * Everything else goes to EclipseLink's own log unchanged.
 */
final class OutageQuietLog extends AbstractSessionLog {
  private final SessionLog delegate;

  OutageQuietLog(SessionLog delegate) {
    this.delegate = delegate;
  }

  @Override
  public void log(SessionLogEntry entry) {
    if (entry.getException() != null && DatabaseOutage.isCause(entry.getException())) {
      return;
    }
    delegate.log(entry);
  }

  @Override
  public boolean shouldLog(int level) {
    return delegate.shouldLog(level);
  }

  @Override
  public boolean shouldLog(int level, String category) {
    return delegate.shouldLog(level, category);
  }

  @Override
  public int getLevel() {
    return delegate.getLevel();
  }

  @Override
  public int getLevel(String category) {
    return delegate.getLevel(category);
  }

  @Override
  public void setLevel(int level) {
    delegate.setLevel(level);
  }

  @Override
  public void setLevel(int level, String category) {
    delegate.setLevel(level, category);
  }

  @Override
  public Session getSession() {
    return delegate.getSession();
  }

  @Override
  public void setSession(Session session) {
    delegate.setSession(session);
  }
}
