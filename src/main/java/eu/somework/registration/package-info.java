/**
 * LTI Dynamic Registration 1.0 from the tool's side: {@code GET /lti/register}, which a platform
 * (Moodle's "Tool URL" box, Canvas's "Dynamic Registration") opens with its
 * {@code openid_configuration} URL and a {@code registration_token}. The tool fetches and checks the
 * platform's configuration, registers itself there, stores the client id and deployment it got as
 * a registration of origin {@code DYNAMIC} (through {@code platform.PlatformDirectory}), and shows
 * the administrator what was registered, with a button that closes the platform's registration
 * window ({@code org.imsglobal.lti.close}). The protocol itself is in {@code eu.somework.lti}.
 */
package eu.somework.registration;
