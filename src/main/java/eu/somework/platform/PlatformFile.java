package eu.somework.platform;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.somework.lti.PlatformEndpoints;
import eu.somework.lti.PlatformRegistration;
import java.net.URI;
import java.text.ParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one manual registration file ({@code lti-config/platforms/*.json}), or the same JSON from
 * the admin API and {@code register --file}. Every problem is reported with the file name and the
 * field at fault: a value longer than its column (migration V1), a value still holding the sample
 * file's placeholder ({@value #PLACEHOLDER}…), an endpoint that is not https (plain http only on
 * loopback) for the authorization endpoint, token endpoint and key set alike.
 */
public final class PlatformFile {
  /** How the sample file's placeholders begin (lti-config/platforms/example-moodle.json.sample). */
  static final String PLACEHOLDER = "replace-with";

  /** The most characters each field may have: its column in {@code platform_registration}/{@code platform_deployment}. */
  static final Map<String, Integer> MAX_CHARS = Map.of(
      "name", 200, "issuer", 500, "clientId", 255, "deploymentIds", 255,
      "authorizationEndpoint", 1000, "tokenEndpoint", 1000, "jwksUri", 1000);

  private PlatformFile() {}

  /** A file that could not be read as a registration. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  /**
   * Reads a registration from {@code json}.
   *
   * @param fileName how messages name the source (a file name, or "the registration")
   * @throws Invalid naming the source and the field at fault
   */
  public static PlatformRegistration parse(String fileName, String json) throws Invalid {
    Map<String, Object> object;
    try {
      object = JSONObjectUtils.parse(json);
    } catch (ParseException e) {
      throw new Invalid(fileName + ": not a JSON object (" + e.getMessage() + ")");
    }
    return new PlatformRegistration(
        text(fileName, object, "name"),
        url(fileName, object, "issuer"),
        text(fileName, object, "clientId"),
        deployments(fileName, object),
        URI.create(secureUrl(fileName, object, "authorizationEndpoint")),
        URI.create(secureUrl(fileName, object, "tokenEndpoint")),
        URI.create(secureUrl(fileName, object, "jwksUri")));
  }

  private static String text(String file, Map<String, Object> object, String field) throws Invalid {
    Object value = object.get(field);
    if (value == null) {
      throw new Invalid(file + ": field '" + field + "' is missing");
    }
    if (!(value instanceof String s) || s.isBlank()) {
      throw new Invalid(file + ": field '" + field + "' must be a non-empty string");
    }
    return checked(file, field, s.trim());
  }

  /** {@code value} if it fits its column and is not a placeholder of the sample file. */
  private static String checked(String file, String field, String value) throws Invalid {
    int max = MAX_CHARS.get(field);
    if (value.length() > max) {
      throw new Invalid(file + ": field '" + field + "' is longer than " + max + " characters");
    }
    if (value.toLowerCase(java.util.Locale.ROOT).contains(PLACEHOLDER)) {
      throw new Invalid(file + ": field '" + field + "' still holds the sample's placeholder '" + value
          + "': put the platform's own value there");
    }
    return value;
  }

  private static String url(String file, Map<String, Object> object, String field) throws Invalid {
    String value = text(file, object, field);
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme();
      if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme))) {
        throw new Invalid(file + ": field '" + field + "' must be an absolute http(s) URL, not '" + value + "'");
      }
      return value;
    } catch (java.net.URISyntaxException e) {
      throw new Invalid(file + ": field '" + field + "' is not a valid URL: '" + value + "'");
    }
  }

  /**
   * Key sets and token endpoints carry keys and tokens, and the browser takes state, nonce and
   * login hint to the authorization endpoint: https, or http on loopback only.
   */
  private static String secureUrl(String file, Map<String, Object> object, String field) throws Invalid {
    String value = url(file, object, field);
    if (!PlatformEndpoints.isAllowed(URI.create(value))) {
      throw new Invalid(file + ": field '" + field + "' must be an https URL (plain http only on this"
          + " machine's loopback: 127.0.0.0/8, ::1, localhost), not '" + value + "'");
    }
    return value;
  }

  private static Set<String> deployments(String file, Map<String, Object> object) throws Invalid {
    Object value = object.get("deploymentIds");
    if (value == null) {
      throw new Invalid(file + ": field 'deploymentIds' is missing");
    }
    if (!(value instanceof List<?> list) || list.isEmpty()) {
      throw new Invalid(file + ": field 'deploymentIds' must be a non-empty array of strings");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (Object item : list) {
      if (!(item instanceof String s) || s.isBlank()) {
        throw new Invalid(file + ": field 'deploymentIds' must contain only non-empty strings");
      }
      ids.add(checked(file, "deploymentIds", s.trim()));
    }
    return ids;
  }
}
