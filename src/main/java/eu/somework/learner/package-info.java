/** What the tool keeps about a learner across courses: the interface language they chose. */
package eu.somework.learner;
