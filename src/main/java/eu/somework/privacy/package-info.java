/**
 * The privacy operations an institution's data-protection officer asks for, per person (issuer +
 * client id + the id_token's {@code sub}): {@link eu.somework.privacy.PersonalDataExport} (GDPR
 * Art. 15 and 20: everything the tool holds about them, as JSON, nothing about anyone else) and
 * {@link eu.somework.privacy.PersonalDataErasure} (Art. 17: everything removed or irreversibly
 * anonymised in one transaction, with a report of what stays elsewhere and why). Both work on the
 * schema that {@code docs/privacy.md} records, table by table.
 */
package eu.somework.privacy;
