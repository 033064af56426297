/**
 * Courses as the platform shows them to the tool: each resource link's service context (titles,
 * the Assignment and Grade Services claim, the Names and Role Provisioning URL), kept per
 * registration + deployment, the scope in which LTI promises context and resource link ids to be
 * unique.
 */
package eu.somework.course;
