/**
 * The LTI 1.3 protocol, written like a library: Nimbus JOSE+JWT and the JDK only — no
 * {@code jakarta.*}, no database. Validators are immutable and thread-safe and reject with one
 * exception type, {@link eu.somework.lti.LtiException}, whose {@link eu.somework.lti.LtiFailure}
 * names the exact check that failed.
 *
 * <p>Specifications followed:
 * <ul>
 *   <li>LTI Core 1.3 — https://www.imsglobal.org/spec/lti/v1p3/</li>
 *   <li>1EdTech Security Framework 1.0, §5.1 (OIDC third-party login, id_token validation in
 *       §5.1.3) — https://www.imsglobal.org/spec/security/v1p0/</li>
 *   <li>Deep Linking 2.0 — https://www.imsglobal.org/spec/lti-dl/v2p0/</li>
 *   <li>Assignment and Grade Services 2.0 — https://www.imsglobal.org/spec/lti-ags/v2p0/ (package
 *       {@code eu.somework.lti.ags})</li>
 *   <li>LTI Submission Review Service 1.0 — https://www.imsglobal.org/spec/lti-sr/v1p0/ (message
 *       {@code LtiSubmissionReviewRequest} with {@code for_user}; a line item's
 *       {@code submissionReview})</li>
 *   <li>Names and Role Provisioning Services 2.0 — https://www.imsglobal.org/spec/lti-nrps/v2p0/
 *       (package {@code eu.somework.lti.nrps})</li>
 *   <li>LTI Dynamic Registration 1.0 — https://www.imsglobal.org/spec/lti-dr/v1p0/ (platform
 *       configuration, client registration request and answer), on OpenID Connect Discovery 1.0
 *       and Dynamic Client Registration 1.0</li>
 *   <li>RFC 8288 (Web Linking: the {@code Link} header of paged service answers), RFC 9110 §10.2.3
 *       ({@code Retry-After})</li>
 *   <li>OpenID Connect Core 1.0 §3.1.3.7 (ID Token validation) —
 *       https://openid.net/specs/openid-connect-core-1_0.html</li>
 * </ul>
 */
package eu.somework.lti;
