/**
 * LTI Names and Role Provisioning Services 2.0 for the tool: the course's members, read page by
 * page from the launch's {@code context_memberships_url}. Nimbus and the JDK only, like the rest of
 * {@code eu.somework.lti}.
 *
 * <p>Specification: Names and Role Provisioning Services 2.0 —
 * https://www.imsglobal.org/spec/lti-nrps/v2p0/ (§2.2 media type, §2.3 members, §2.4 paging with
 * {@code Link} headers; {@code rel="differences"} is not used by the tool).
 */
package eu.somework.lti.nrps;
