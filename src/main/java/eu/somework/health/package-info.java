/**
 * What the tool tells a load balancer and an orchestrator about itself, through MicroProfile Health
 * (served by Payara Micro at {@code /health}, {@code /health/live} and {@code /health/ready}; a check
 * that is DOWN makes the answer 503 with its reason). Liveness: the application runs and its
 * background jobs are scheduled. Readiness: the database answers, its schema is the one this version
 * carries, and the score outbox is being drained. Check data holds counts, versions and durations
 * only: never a person, a token or a platform's answer.
 *
 * <p>Every check has the same build: an {@code @ApplicationScoped} bean with its dependencies in
 * injected fields, a static {@code over(..)} that builds it outside a container for the unit tests,
 * and a {@code call()} that puts its answer together with {@link eu.somework.health.CheckReport}. The
 * small checks ({@code ContentReadiness}, {@code JobsLiveness}) therefore look alike line for line;
 * what they share beyond that pattern, the answer, is already in {@code CheckReport}, and a base
 * class for one field and a factory would hide more than it saves.
 *
 * @see <a href="https://download.eclipse.org/microprofile/microprofile-health-4.0/microprofile-health-spec-4.0.html">MicroProfile Health 4.0</a>
 */
package eu.somework.health;
