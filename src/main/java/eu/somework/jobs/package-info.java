/**
 * Background work: {@link eu.somework.jobs.BackgroundJobs} runs a feature's periodic job on the
 * server's managed scheduler. The features own their jobs (e.g. the launch feature purges expired
 * login states and used nonces every minute).
 */
package eu.somework.jobs;
