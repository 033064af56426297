package eu.somework.web;

import eu.somework.persistence.StatementCount;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * When statements are counted ({@code somework.db.count-statements}), answers every request with
 * the database work it cost on its thread: {@code X-Somework-Db: statements=N; commits=M}. The
 * request's snapshot is taken before any other filter and the header written after all of them, so
 * the access check's reads count too. Off (the default), the header is never sent.
 */
@Provider
@PreMatching
@Priority(1)
public class StatementCountHeader implements ContainerRequestFilter, ContainerResponseFilter {
  /** The response header with a request's statement and commit counts. */
  public static final String HEADER = "X-Somework-Db";
  private static final String START = StatementCountHeader.class.getName() + ".start";

  @Override
  public void filter(ContainerRequestContext request) {
    if (StatementCount.enabled()) {
      request.setProperty(START, StatementCount.ofThisThread());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(START) instanceof StatementCount.Snapshot start) {
      StatementCount.Snapshot cost = StatementCount.ofThisThread().since(start);
      response.getHeaders().putSingle(HEADER, "statements=" + cost.statements() + "; commits=" + cost.commits());
    }
  }
}
