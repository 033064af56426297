/**
 * Background work: {@link eu.somework.jobs.BackgroundJobs} runs a feature's periodic job on the
 * server's managed scheduler. The features own their jobs (e.g. the launch feature purges expired
 * login states and used nonces every minute, and with them the rows other features declare
 * {@link eu.somework.jobs.ExpiredRows}, e.g. the administrators' failed sign-ins).
 */
package eu.somework.jobs;
