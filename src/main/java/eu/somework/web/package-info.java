/**
 * What every page shares: the template engine and the layout ({@code src/main/jte/web}), interface languages and texts, error pages (HTML or JSON,
 * never a stack trace), security headers and static files.
 */
package eu.somework.web;
