/**
 * The tool administrators' console ({@code /admin}) and JSON API ({@code /admin/api}, contract in
 * the lead's ADMIN-API.md): people who run the tool, signed in with credentials configured at
 * deployment ({@code somework.admin.*}), never through an LMS launch. They see the registrations
 * with their deployments, switch a registration off and on, delete one with its data, watch the
 * score outbox, and rotate the tool's signing key. Access is decided by the one access filter
 * ({@link eu.somework.access.AccessFilter}) through {@link eu.somework.admin.AdminAccess}; the
 * registrations themselves stay in {@code eu.somework.platform}.
 */
package eu.somework.admin;
