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
 * Reads one manual registration file ({@code lti-config/platforms/*.json}). Every problem is
 * reported with the file name and the field at fault.
 */
public final class PlatformFile {
  private PlatformFile() {}

  /** A file that could not be read as a registration. */
  public static final class Invalid extends Exception {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

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
        URI.create(url(fileName, object, "authorizationEndpoint")),
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
    return s.trim();
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

  /** Key sets and token endpoints carry keys and tokens: https, or http on loopback only. */
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
      ids.add(s.trim());
    }
    return ids;
  }
}
