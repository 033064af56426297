package eu.somework.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.somework.config.AddressRange;
import eu.somework.testsupport.LogCapture;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which address a request counts as: the socket's, or behind a trusted proxy the one it forwarded for. */
class ClientAddressTest {
  @RegisterExtension final LogCapture log = new LogCapture(ClientAddress.class);
  private static final List<AddressRange> PROXY = ranges("10.0.0.5");

  private static List<AddressRange> ranges(String... entries) {
    return Stream.of(entries).map(AddressRange::parse).toList();
  }

  private static String resolve(String socket, List<AddressRange> trusted, String... forwardedFor) {
    return ClientAddress.resolve(socket, List.of(forwardedFor), trusted);
  }

  private static HttpServletRequest request(String socket, String... forwardedFor) {
    return (HttpServletRequest) Proxy.newProxyInstance(ClientAddressTest.class.getClassLoader(),
        new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getRemoteAddr" -> socket;
          case "getHeaders" -> ClientAddress.FORWARDED_FOR.equalsIgnoreCase((String) args[0])
              ? Collections.enumeration(List.of(forwardedFor)) : Collections.emptyEnumeration();
          default -> null;
        });
  }

  @Test
  void withoutTheHeaderTheSocketAddressCounts() {
    assertEquals("10.0.0.5", new ClientAddress(PROXY).of(request("10.0.0.5")));
    assertEquals("192.0.2.7", new ClientAddress(PROXY).of(request("192.0.2.7")));
  }

  @Test
  void noTrustedProxyByDefaultSoTheHeaderIsIgnored() {
    assertEquals("10.0.0.5", new ClientAddress(List.of()).of(request("10.0.0.5", "192.0.2.7")));
  }

  @Test
  void aClientThatIsNoTrustedProxyCannotChooseItsAddressWithTheHeader() {
    assertEquals("198.51.100.9", new ClientAddress(PROXY).of(request("198.51.100.9", "192.0.2.7")));
  }

  @Test
  void behindATrustedProxyTheAddressItForwardedForCounts() {
    assertEquals("192.0.2.7", new ClientAddress(PROXY).of(request("10.0.0.5", "192.0.2.7")));
  }

  @Test
  void throughTwoTrustedProxiesTheFirstUntrustedFromTheRightCounts() {
    List<AddressRange> two = ranges("10.0.0.5", "10.0.0.6");
    // client 192.0.2.7 → proxy 10.0.0.6 → proxy 10.0.0.5 → tool
    assertEquals("192.0.2.7", resolve("10.0.0.5", two, "192.0.2.7, 10.0.0.6"));
    // the same chain with each proxy's header line apart
    assertEquals("192.0.2.7", resolve("10.0.0.5", two, "192.0.2.7", "10.0.0.6"));
  }

  @Test
  void entriesAClientPutLeftOfTheProxysAreNeverReached() {
    assertEquals("192.0.2.7", resolve("10.0.0.5", PROXY, "203.0.113.1, 10.0.0.5, 192.0.2.7"));
    // a client naming a trusted proxy as itself still counts as itself
    assertEquals("192.0.2.7", resolve("10.0.0.5", PROXY, "10.0.0.5, 192.0.2.7"));
  }

  @Test
  void malformedEntriesAreSkippedAndWithoutAnAddressTheSocketCounts() {
    assertEquals("192.0.2.7", resolve("10.0.0.5", PROXY, "192.0.2.7, unknown"));
    assertEquals("192.0.2.7", resolve("10.0.0.5", PROXY, "192.0.2.7, , 999.1.1.1, example.org"));
    assertEquals("10.0.0.5", resolve("10.0.0.5", PROXY, "garbage, 192.0.2.7:8080x"));
    assertEquals("10.0.0.5", resolve("10.0.0.5", PROXY, ""));
    assertEquals("10.0.0.5", resolve("10.0.0.5", PROXY, "10.0.0.5"));
  }

  @Test
  void aHostNameIsNeverLookedUp() {
    assertEquals("10.0.0.5", resolve("10.0.0.5", PROXY, "localhost"));
    assertEquals(java.util.Optional.empty(), AddressRange.address("cafe"));
  }

  @Test
  void ipv6ProxiesAndClients() {
    List<AddressRange> proxy = ranges("2001:db8::5");
    assertEquals("2001:db8:1:0:0:0:0:7", resolve("2001:db8:0:0:0:0:0:5", proxy, "2001:db8:1::7"));
    assertEquals("2001:db8:1:0:0:0:0:7", resolve("2001:db8::5", proxy, "[2001:db8:1::7]"));
    assertEquals("2001:db8::6", resolve("2001:db8::6", proxy, "2001:db8:1::7"));
    // an IPv4 client through an IPv6 proxy, and an IPv6 client through an IPv4 one
    assertEquals("192.0.2.7", resolve("2001:db8::5", proxy, "192.0.2.7"));
    assertEquals("2001:db8:1:0:0:0:0:7", resolve("10.0.0.5", PROXY, "2001:db8:1::7"));
  }

  @Test
  void cidrRangesOfProxies() {
    List<AddressRange> ranges = ranges("10.0.0.0/8", "fd00::/8");
    assertEquals("192.0.2.7", resolve("10.200.3.4", ranges, "192.0.2.7, 10.1.1.1"));
    assertEquals("11.0.0.1", resolve("11.0.0.1", ranges, "192.0.2.7"));
    assertEquals("192.0.2.7", resolve("fd12:3456::1", ranges, "192.0.2.7"));
    assertEquals("fe80::1", resolve("fe80::1", ranges, "192.0.2.7"));
  }

  @Test
  void forwardedRequestsWithoutTrustedProxiesWarnOnceAndNameNoAddress() {
    ClientAddress addresses = new ClientAddress(List.of());
    assertEquals("10.0.0.5", addresses.of(request("10.0.0.5", "192.0.2.7")));
    assertEquals("10.0.0.5", addresses.of(request("10.0.0.5", "198.51.100.9")));
    assertEquals(1, log.records().size(), "once per start, not per request");
    String line = log.records().get(0).getMessage();
    assertEquals(Level.WARNING, log.records().get(0).getLevel());
    assertTrue(line.contains("X-Forwarded-For") && line.contains("somework.proxy.trusted-addresses")
        && line.contains("docs/cluster.md"), line);
    assertFalse(line.contains("10.0.0.5") || line.contains("192.0.2.7"), "no address in the log: " + line);
  }

  @Test
  void noWarningWithoutTheHeaderOrWithTrustedProxies() {
    new ClientAddress(List.of()).of(request("192.0.2.7"));
    new ClientAddress(PROXY).of(request("10.0.0.5", "192.0.2.7"));
    new ClientAddress(PROXY).of(request("192.0.2.8", "192.0.2.7"));
    assertTrue(log.records().isEmpty(), log.records().toString());
  }
}
