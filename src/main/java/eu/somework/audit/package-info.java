/**
 * The audit log of grade changes and administrative actions (who, what, whose record, when), without
 * reflection text; see docs/privacy.md for what it holds and how long.
 */
package eu.somework.audit;
