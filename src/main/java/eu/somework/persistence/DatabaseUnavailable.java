package eu.somework.persistence;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * The tool cannot connect to its database at start-up. The message is meant for the operator's
 * log: it names the JDBC URL (with any password in it masked), the user and what the driver said,
 * and the settings to check; it never contains the password.
 */
public final class DatabaseUnavailable extends IllegalStateException {
  private static final long serialVersionUID = 1L;
  /** password=… in a query string (PostgreSQL) or ;PASSWORD=… in H2's settings. */
  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");
  /** user:password@ before the host. */
  private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/:@]*:)[^/@]*@");

  DatabaseUnavailable(String url, String user, SQLException cause) {
    super("Cannot connect to the database " + withoutPassword(url) + " as user '" + user + "': "
        + reason(cause) + " Check somework.db.url, somework.db.user and somework.db.password;"
        + " the tool does not start without its database.", cause);
  }

  /** The URL as it may be logged: the value of any password in it replaced by ***. */
  public static String withoutPassword(String url) {
    String masked = PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    return USER_INFO_PASSWORD.matcher(masked).replaceAll("$1***@");
  }

  private static String reason(SQLException cause) {
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage().strip();
    return message.endsWith(".") ? message : message + ".";
  }
}
