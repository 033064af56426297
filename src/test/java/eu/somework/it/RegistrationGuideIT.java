package eu.somework.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import eu.somework.platform.PlatformFileLoader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manual registration guide ({@code lti-config/README.md}) cannot go stale: every tool address
 * its tables give is read from the file, the running tool's base URL put in for {@code <base-url>},
 * and a platform registers and launches with exactly those values — a login at the guide's login
 * URL, the redirect to one of its redirection URIs, a launch at its tool URL and a Deep Linking
 * request at its content selection URL. The fields it tells administrators to copy back are the
 * ones the tool's platform files are read with.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RegistrationGuideIT {
  private static final Path GUIDE = Path.of("lti-config", "README.md");
  private static final Pattern ROW = Pattern.compile("^\\|(.+)\\|\\s*$");
  private static final Pattern TOOL_ADDRESS = Pattern.compile("`<base-url>([^`]*)`");
  private static Map<String, String> moodle;
  private static Set<String> otherPlatforms;
  private static List<String> copiedBack;

  @Deployment(testable = false)
  static WebArchive deploy() {
    return ToolDeployment.war();
  }

  @BeforeAll
  static void readGuide() throws Exception {
    moodle = new LinkedHashMap<>();
    otherPlatforms = new LinkedHashSet<>();
    copiedBack = new ArrayList<>();
    String section = "";
    for (String line : Files.readAllLines(GUIDE)) {
      if (line.startsWith("## ")) {
        section = line;
      }
      Matcher row = ROW.matcher(line);
      if (!row.matches()) {
        continue;
      }
      String[] cells = row.group(1).split("\\|");
      Matcher address = TOOL_ADDRESS.matcher(cells.length > 1 ? cells[1] : "");
      if (section.startsWith("## Moodle") && address.find()) {
        moodle.put(cells[0].strip(), MockPlatforms.TOOL + address.group(1));
      } else if (section.startsWith("## Any other") && address.find()) {
        otherPlatforms.add(MockPlatforms.TOOL + address.group(1));
      } else if (section.startsWith("## Moodle") && cells.length > 1 && cells[1].strip().matches("`\\w+`.*")) {
        copiedBack.add(cells[1].strip().replaceAll("`(\\w+)`.*", "$1"));
      }
    }
    for (String field : List.of("Tool URL", "Public keyset", "Initiate login URL", "Redirection URI(s)",
        "Content Selection URL")) {
      assertTrue(moodle.containsKey(field), "the guide gives Moodle's " + field + ": " + moodle);
    }
    MockPlatforms.get();
  }

  @Test
  void theKeySetTheGuideNamesHoldsTheToolsPublicSigningKeys() throws Exception {
    Browser.Page page = new Browser().get(moodle.get("Public keyset"));
    assertEquals(200, page.status());
    JWKSet keys = JWKSet.parse(page.body());
    assertTrue(keys.getKeys().size() >= 2, "the signing key and the next one");
    for (JWK key : keys.getKeys()) {
      assertEquals("RS256", key.getAlgorithm().getName());
      assertTrue(!key.isPrivate());
    }
    assertTrue(page.header("Cache-Control").contains("max-age"), page.header("Cache-Control"));
  }

  @Test
  void aPlatformConfiguredWithTheGuidesValuesLaunchesTheTool() throws Exception {
    Browser browser = new Browser();
    Map<String, String> authorization = login(browser, moodle.get("Tool URL"));
    JWTClaimsSet claims = MockPlatforms.resourceLinkLaunch("a", "client-a1", "dep-1", authorization.get("nonce"),
        "guide-teacher", "Instructor")
        .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", moodle.get("Tool URL")).build();
    Browser.Page landing = browser.follow(browser.post(authorization.get("redirect_uri"),
        Map.of("id_token", MockPlatforms.sign(MockPlatforms.get().key("a"), claims),
            "state", authorization.get("state"))));
    assertEquals(200, landing.status(), landing.body());
    assertEquals("Teacher", landing.fact("role"));
  }

  @Test
  void aDeepLinkingRequestAtTheGuidesContentSelectionUrlOpensTheUnitCatalogue() throws Exception {
    Browser browser = new Browser();
    String contentSelection = moodle.get("Content Selection URL");
    Map<String, String> authorization = login(browser, contentSelection);
    JWTClaimsSet claims = MockPlatforms.resourceLinkLaunch("a", "client-a1", "dep-1", authorization.get("nonce"),
        "guide-teacher", "Instructor")
        .claim("https://purl.imsglobal.org/spec/lti/claim/message_type", "LtiDeepLinkingRequest")
        .claim("https://purl.imsglobal.org/spec/lti/claim/resource_link", null)
        .claim("https://purl.imsglobal.org/spec/lti/claim/target_link_uri", contentSelection)
        .claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", Map.of(
            "deep_link_return_url", MockPlatforms.issuer("a") + "/deep-link-return",
            "accept_types", List.of("ltiResourceLink"), "accept_multiple", true))
        .build();
    Browser.Page catalogue = browser.follow(browser.post(authorization.get("redirect_uri"),
        Map.of("id_token", MockPlatforms.sign(MockPlatforms.get().key("a"), claims),
            "state", authorization.get("state"))));
    assertEquals(200, catalogue.status(), catalogue.body());
    assertTrue(Browser.hiddenFields(catalogue).containsKey("s"), "the unit catalogue's form: " + catalogue.body());
  }

  @Test
  void everyOtherPlatformIsGivenTheSameAddressesAsMoodle() {
    assertTrue(!otherPlatforms.isEmpty());
    assertTrue(Set.copyOf(moodle.values()).containsAll(otherPlatforms),
        "each address in the generic table is one the Moodle checks use: " + otherPlatforms);
  }

  @Test
  void theFieldsToCopyBackAreTheOnesThePlatformFileIsReadWith(@TempDir Path folder) throws Exception {
    assertEquals(List.of("issuer", "clientId", "deploymentIds", "authorizationEndpoint", "tokenEndpoint", "jwksUri"),
        copiedBack);
    String sample = Files.readString(Path.of("lti-config", "platforms", "example-moodle.json.sample"));
    for (String field : copiedBack) {
      assertTrue(sample.contains("\"" + field + "\""), "the sample file has " + field);
    }
    Files.writeString(folder.resolve("example-moodle.json"), sample);
    assertEquals(List.of("example-moodle.json: field 'clientId' still holds the sample's placeholder"
        + " 'replace-with-client-id': put the platform's own value there"),
        new PlatformFileLoader().load(folder).problems(), "as it is, the sample is refused for its placeholder");
    Files.writeString(folder.resolve("example-moodle.json"), sample.replace("replace-with-client-id", "client-7Hq2"));
    PlatformFileLoader.Result loaded = new PlatformFileLoader().load(folder);
    assertEquals(List.of(), loaded.problems(), "with the platform's client id it is read");
    assertEquals("https://moodle.example.edu", loaded.registrations().get(0).registration().issuer());
  }

  /**
   * Starts a login as platform "a" at the guide's login initiation URL and returns the
   * authorization request the tool redirected to, after checking its redirect URI is one the guide
   * told the administrator to enter.
   */
  private static Map<String, String> login(Browser browser, String targetLinkUri) throws Exception {
    Browser.Page answer = browser.post(moodle.get("Initiate login URL"), Map.of("iss", MockPlatforms.issuer("a"),
        "login_hint", "guide-hint", "target_link_uri", targetLinkUri, "client_id", "client-a1",
        "lti_deployment_id", "dep-1"));
    assertEquals(302, answer.status(), answer.body());
    Map<String, String> query = new HashMap<>();
    for (String pair : URI.create(answer.header("Location")).getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    assertEquals(moodle.get("Redirection URI(s)"), query.get("redirect_uri"),
        "the tool asks the platform to answer at the redirection URI the guide gives");
    return query;
  }
}
