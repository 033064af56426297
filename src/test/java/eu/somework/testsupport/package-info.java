/**
 * What tests of several features share: the database engines the tool supports
 * ({@link eu.somework.testsupport.DatabaseEngine}), a real PostgreSQL server started once per JVM
 * ({@link eu.somework.testsupport.PostgresServer}), and a database per engine brought up the way
 * the tool starts and emptied before each test
 * ({@link eu.somework.testsupport.MigratedDatabase}). Integration tests that need PostgreSQL take
 * a database from {@code PostgresServer.shared().createDatabase()} and pass its URL to the server
 * under test as {@code somework.db.url}.
 */
package eu.somework.testsupport;
