/**
 * What the tool tells a load balancer and an orchestrator about itself, through MicroProfile Health
 * (served by Payara Micro at {@code /health}, {@code /health/live} and {@code /health/ready}; a check
 * that is DOWN makes the answer 503 with its reason). Liveness: the application runs and its
 * background jobs are scheduled. Readiness: the database answers, its schema is the one this version
 * carries, and the score outbox is being drained. Check data holds counts, versions and durations
 * only: never a person, a token or a platform's answer.
 *
 * @see <a href="https://download.eclipse.org/microprofile/microprofile-health-4.0/microprofile-health-spec-4.0.html">MicroProfile Health 4.0</a>
 */
package eu.somework.health;
