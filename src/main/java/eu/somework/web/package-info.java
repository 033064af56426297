/**
 * What every page shares: the layout, interface languages and texts, error pages (HTML or JSON,
 * never a stack trace), security headers and static files.
 */
package eu.somework.web;
