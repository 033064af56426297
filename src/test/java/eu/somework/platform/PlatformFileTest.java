package eu.somework.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import eu.somework.lti.PlatformRegistration;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One manual registration file: read, or refused with the file and field at fault. */
class PlatformFileTest {
  static final String FILE = "moodle.json";

  static Map<String, Object> moodleFields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("name", "Moodle of the pilot school");
    fields.put("issuer", "https://moodle.example.org");
    fields.put("clientId", "client-7Hq2");
    fields.put("deploymentIds", List.of("3", "9"));
    fields.put("authorizationEndpoint", "https://moodle.example.org/mod/lti/auth.php");
    fields.put("tokenEndpoint", "https://moodle.example.org/mod/lti/token.php");
    fields.put("jwksUri", "https://moodle.example.org/mod/lti/certs.php");
    return fields;
  }

  static String moodle() {
    return JSONObjectUtils.toJSONString(moodleFields());
  }

  /** The valid file with one field set to {@code value}, or without it for null. */
  static String withField(String field, Object value) {
    Map<String, Object> fields = moodleFields();
    if (value == null) {
      fields.remove(field);
    } else {
      fields.put(field, value);
    }
    return JSONObjectUtils.toJSONString(fields);
  }

  static String refusal(String json) {
    return assertThrows(PlatformFile.Invalid.class, () -> PlatformFile.parse(FILE, json)).getMessage();
  }

  @Test
  void validFileIsRead() throws PlatformFile.Invalid {
    PlatformRegistration registration = PlatformFile.parse(FILE, moodle());

    assertEquals("Moodle of the pilot school", registration.name());
    assertEquals("https://moodle.example.org", registration.issuer());
    assertEquals("client-7Hq2", registration.clientId());
    assertEquals(Set.of("3", "9"), registration.deploymentIds());
    assertEquals(URI.create("https://moodle.example.org/mod/lti/auth.php"), registration.authorizationEndpoint());
    assertEquals(URI.create("https://moodle.example.org/mod/lti/token.php"), registration.tokenEndpoint());
    assertEquals(URI.create("https://moodle.example.org/mod/lti/certs.php"), registration.jwksUri());
  }

  @Test
  void surroundingSpacesAreTrimmed() throws PlatformFile.Invalid {
    Map<String, Object> fields = moodleFields();
    fields.put("clientId", " client-7Hq2 ");
    fields.put("deploymentIds", List.of(" 3", "3 "));

    PlatformRegistration registration = PlatformFile.parse(FILE, JSONObjectUtils.toJSONString(fields));

    assertEquals("client-7Hq2", registration.clientId());
    assertEquals(Set.of("3"), registration.deploymentIds());
  }

  @ParameterizedTest
  @ValueSource(strings = {"name", "issuer", "clientId", "deploymentIds", "authorizationEndpoint",
      "tokenEndpoint", "jwksUri"})
  void missingFieldIsNamed(String field) {
    assertEquals(FILE + ": field '" + field + "' is missing", refusal(withField(field, null)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"name", "issuer", "clientId", "authorizationEndpoint", "tokenEndpoint", "jwksUri"})
  void textFieldOfAnotherTypeIsNamed(String field) {
    assertEquals(FILE + ": field '" + field + "' must be a non-empty string", refusal(withField(field, 42)));
    assertEquals(FILE + ": field '" + field + "' must be a non-empty string", refusal(withField(field, " ")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"authorizationEndpoint", "tokenEndpoint", "jwksUri"})
  void endpointsMustBeHttps(String field) {
    assertEquals(FILE + ": field '" + field + "' must be an https URL (plain http only on this machine's"
            + " loopback: 127.0.0.0/8, ::1, localhost), not 'http://moodle.example.org/mod/lti/x.php'",
        refusal(withField(field, "http://moodle.example.org/mod/lti/x.php")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8081/mod/lti/x.php", "http://127.0.0.1:8081/x", "http://[::1]:8081/x"})
  void endpointsMayBePlainHttpOnLoopback(String url) throws PlatformFile.Invalid {
    Map<String, Object> fields = moodleFields();
    fields.put("authorizationEndpoint", url);
    fields.put("tokenEndpoint", url);
    fields.put("jwksUri", url);

    PlatformRegistration registration = PlatformFile.parse(FILE, JSONObjectUtils.toJSONString(fields));

    assertEquals(URI.create(url), registration.jwksUri());
    assertEquals(URI.create(url), registration.tokenEndpoint());
    assertEquals(URI.create(url), registration.authorizationEndpoint());
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"name, 200", "clientId, 255"})
  void aTextLongerThanItsColumnIsNamed(String field, int max) throws PlatformFile.Invalid {
    PlatformFile.parse(FILE, withField(field, "x".repeat(max)));
    assertEquals(FILE + ": field '" + field + "' is longer than " + max + " characters",
        refusal(withField(field, "x".repeat(max + 1))));
    assertEquals(FILE + ": field '" + field + "' is longer than " + max + " characters",
        refusal(withField(field, "x".repeat(100_000))));
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({"issuer, 500", "authorizationEndpoint, 1000", "tokenEndpoint, 1000",
      "jwksUri, 1000"})
  void aUrlLongerThanItsColumnIsNamed(String field, int max) throws PlatformFile.Invalid {
    String base = "https://moodle.example.org/";
    PlatformFile.parse(FILE, withField(field, base + "p".repeat(max - base.length())));
    assertEquals(FILE + ": field '" + field + "' is longer than " + max + " characters",
        refusal(withField(field, base + "p".repeat(max - base.length() + 1))));
  }

  @Test
  void aDeploymentIdLongerThanItsColumnIsNamed() {
    assertEquals(FILE + ": field 'deploymentIds' is longer than 255 characters",
        refusal(withField("deploymentIds", List.of("3", "d".repeat(256)))));
  }

  @Test
  void theSampleFilesPlaceholdersAreRefused() throws Exception {
    String sample = java.nio.file.Files.readString(
        java.nio.file.Path.of("lti-config/platforms/example-moodle.json.sample"));
    assertEquals(FILE + ": field 'clientId' still holds the sample's placeholder 'replace-with-client-id':"
        + " put the platform's own value there", refusal(sample));
    assertEquals(FILE + ": field 'deploymentIds' still holds the sample's placeholder 'Replace-With-Id':"
        + " put the platform's own value there", refusal(withField("deploymentIds", List.of("Replace-With-Id"))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"issuer", "authorizationEndpoint", "tokenEndpoint", "jwksUri"})
  void urlFieldMustBeAnAbsoluteHttpUrl(String field) {
    assertEquals(FILE + ": field '" + field + "' must be an absolute http(s) URL, not '/mod/lti/certs.php'",
        refusal(withField(field, "/mod/lti/certs.php")));
    assertEquals(FILE + ": field '" + field + "' must be an absolute http(s) URL, not 'ftp://moodle.example.org'",
        refusal(withField(field, "ftp://moodle.example.org")));
    assertEquals(FILE + ": field '" + field + "' is not a valid URL: 'https://moodle example.org'",
        refusal(withField(field, "https://moodle example.org")));
  }

  @Test
  void deploymentIdsMustBeANonEmptyArrayOfStrings() {
    String notArray = FILE + ": field 'deploymentIds' must be a non-empty array of strings";
    assertEquals(notArray, refusal(withField("deploymentIds", "3")));
    assertEquals(notArray, refusal(withField("deploymentIds", List.of())));
    assertEquals(FILE + ": field 'deploymentIds' must contain only non-empty strings",
        refusal(withField("deploymentIds", List.of("3", 9))));
    assertEquals(FILE + ": field 'deploymentIds' must contain only non-empty strings",
        refusal(withField("deploymentIds", List.of("3", ""))));
  }

  @Test
  void invalidJsonIsReportedWithTheFileName() {
    assertTrue(refusal("{\"name\": \"Moodle\",").startsWith(FILE + ": not a JSON object"));
    assertTrue(refusal("[\"a\", \"b\"]").startsWith(FILE + ": not a JSON object"));
    assertTrue(refusal("").startsWith(FILE + ": not a JSON object"));
  }
}
