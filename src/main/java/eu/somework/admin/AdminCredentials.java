package eu.somework.admin;

import eu.somework.config.Settings;
import eu.somework.platform.Startup;
import eu.somework.session.RandomTokens;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.logging.Logger;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * The tool administrators' credentials, as configured at deployment: the console's user name and
 * the bcrypt hash of its password ({@code somework.admin.user}, {@code somework.admin.password-hash};
 * checked with Spring Security's {@link BCrypt}), and the SHA-256 of the API token
 * ({@code somework.admin.token-sha256}). Comparisons take the same time whether the user name, the
 * password or the token is wrong.
 *
 * <p>In development mode without a password hash, a random password is made at start-up and
 * logged once with the console's URL, so a developer can sign in; production mode has no such
 * password (the console then says it is not configured).
 */
@ApplicationScoped
public class AdminCredentials {
  private static final Logger LOG = Logger.getLogger(AdminCredentials.class.getName());
  /** bcrypt reads at most 72 bytes of a password; longer ones are refused rather than cut. */
  static final int MAX_PASSWORD_BYTES = 72;
  /**
   * A bcrypt hash (cost 10, of "not a password") to compare against when there is none, so a missing
   * hash takes the same time. Written out rather than hashed at class loading, which cost every
   * start a bcrypt round; it protects no secret.
   */
  static final String DUMMY_HASH = "$2a$10$uchxJ4dhoNaQlLvZnd.JOeoVS915OXGIUMlucwZd/i84RaOjbz5UO";

  @Inject Settings settings;

  private String user;
  private Optional<String> passwordHash;
  private Optional<String> generatedPassword = Optional.empty();
  private Optional<String> tokenSha256;

  /** For the container. */
  public AdminCredentials() {}

  /** Credentials from the given settings, outside a container (tests). */
  public static AdminCredentials over(Settings settings) {
    AdminCredentials credentials = new AdminCredentials();
    credentials.settings = settings;
    credentials.init();
    return credentials;
  }

  @PostConstruct
  void init() {
    user = settings.adminUser();
    tokenSha256 = settings.adminTokenSha256();
    passwordHash = settings.adminPasswordHash();
    if (passwordHash.isEmpty() && !settings.production()) {
      String password = RandomTokens.next().substring(0, 20);
      generatedPassword = Optional.of(password);
      passwordHash = Optional.of(BCrypt.hashpw(password, BCrypt.gensalt(10)));
    }
  }

  /** Tells the local developer, once, how to sign in with the generated password (development mode only). */
  void announce(@Observes Startup.ToolStarted started) {
    generatedPassword.ifPresent(password -> LOG.warning(() -> "Administrators' console (development mode only): "
        + started.baseUrl() + "/admin — user '" + user + "', password '" + password
        + "', made at this start; set somework.admin.password-hash (a bcrypt hash) to choose your own."));
  }

  /** Whether the console can be signed in to (a password hash is configured, or one was generated). */
  public boolean consoleConfigured() {
    return passwordHash.isPresent();
  }

  /** Whether the API can be used (a token hash is configured). */
  public boolean apiConfigured() {
    return tokenSha256.isPresent();
  }

  /** The console's user name. */
  public String user() {
    return user;
  }

  /** True when user name and password are the configured ones; false too when none is configured. */
  public boolean checkPassword(String givenUser, String password) {
    boolean userMatches = MessageDigest.isEqual(bytes(givenUser), bytes(user));
    String pw = password == null ? "" : password;
    boolean passwordMatches;
    try {
      passwordMatches = bytes(pw).length <= MAX_PASSWORD_BYTES && BCrypt.checkpw(pw, passwordHash.orElse(DUMMY_HASH));
    } catch (IllegalArgumentException malformed) {
      passwordMatches = false;
    }
    return userMatches & passwordMatches & passwordHash.isPresent();
  }

  /** True when the SHA-256 of {@code token} is the configured one; false when none is configured. */
  public boolean checkToken(String token) {
    if (tokenSha256.isEmpty() || token == null) {
      return false;
    }
    return MessageDigest.isEqual(bytes(RandomTokens.sha256(token)), bytes(tokenSha256.get()));
  }

  private static byte[] bytes(String value) {
    return (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
  }
}
