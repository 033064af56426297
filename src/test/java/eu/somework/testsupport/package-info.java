/**
 * What tests of several features share: the database engines the tool supports
 * ({@link eu.somework.testsupport.DatabaseEngine}), a real PostgreSQL server started once per JVM
 * ({@link eu.somework.testsupport.PostgresServer}), and a database per engine brought up the way
 * the tool starts and emptied before each test
 * ({@link eu.somework.testsupport.MigratedDatabase}). The integration tests on PostgreSQL
 * ({@code eu.somework.it.PostgresDatabase}) take a database owned by a role with a password from
 * {@code PostgresServer.shared().createDatabaseOwnedBy(..)} and pass it to the server under test
 * as {@code somework.db.url}, {@code .user} and {@code .password}.
 */
package eu.somework.testsupport;
