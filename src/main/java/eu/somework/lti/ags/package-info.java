/**
 * LTI Assignment and Grade Services 2.0 for the tool: line items (find, create, read, update),
 * scores (publish) and results (read), with the exact media types the specification names. Every
 * call returns a {@link eu.somework.lti.ServiceResult} that says delivered, retry later, failed
 * for good, or token rejected, so that a durable outbox can act on it. Nimbus and the JDK only,
 * like the rest of {@code eu.somework.lti}.
 *
 * <p>Specification: LTI Assignment and Grade Services 2.0 —
 * https://www.imsglobal.org/spec/lti-ags/v2p0/ (§3.2 line item service, §3.3 result service,
 * §3.4 score publish service, §3.1 endpoint claim and scopes).
 */
package eu.somework.lti.ags;
