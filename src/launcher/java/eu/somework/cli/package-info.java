/**
 * The runnable jar's administrator commands: {@code java -jar somework.jar list-platforms},
 * {@code register --file <platform.json>}, {@code rotate-keys} and {@code help}, which call a running
 * tool's administrator JSON API ({@code /admin/api}) with the token of {@code SOMEWORK_ADMIN_TOKEN}.
 *
 * <p>{@link eu.somework.cli.Launcher} is the jar's main class: it runs a command, or hands every other
 * argument list to Payara Micro. Built from {@code src/launcher/java}, apart from the WAR, on the JDK
 * and Jakarta JSON (Parsson) only, because the tool's libraries are not on the jar's class path.
 */
package eu.somework.cli;
