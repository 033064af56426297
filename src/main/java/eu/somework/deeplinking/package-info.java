/**
 * Deep Linking 2.0: a teacher's LtiDeepLinkingRequest opens a catalogue of units; the chosen
 * units go back to the platform as signed ltiResourceLink items, graded ones with a line item.
 */
package eu.somework.deeplinking;
