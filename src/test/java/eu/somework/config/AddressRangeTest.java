package eu.somework.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** IP addresses and CIDR ranges as {@code somework.proxy.trusted-addresses} lists them. */
class AddressRangeTest {

  private static InetAddress ip(String text) {
    return AddressRange.address(text).orElseThrow();
  }

  @Test
  void anAddressIsARangeOfOne() {
    AddressRange one = AddressRange.parse(" 10.0.0.5 ");
    assertTrue(one.contains(ip("10.0.0.5")));
    assertFalse(one.contains(ip("10.0.0.6")));
    assertEquals("10.0.0.5", one.toString());
  }

  @Test
  void cidrRanges() {
    AddressRange range = AddressRange.parse("172.16.0.0/12");
    assertTrue(range.contains(ip("172.31.255.255")));
    assertFalse(range.contains(ip("172.32.0.0")));
    assertTrue(AddressRange.parse("0.0.0.0/0").contains(ip("203.0.113.1")));
    assertEquals("10.0.0.0/8", AddressRange.parse("10.9.8.7/8").toString());
  }

  @Test
  void ipv6RangesNeverHoldIpv4AddressesNorBack() {
    AddressRange range = AddressRange.parse("2001:db8::/32");
    assertTrue(range.contains(ip("2001:db8:ffff::1")));
    assertFalse(range.contains(ip("2001:db9::1")));
    assertFalse(AddressRange.parse("::/0").contains(ip("10.0.0.1")));
    assertFalse(AddressRange.parse("0.0.0.0/0").contains(ip("::1")));
    // an IPv4-mapped address is its IPv4 address
    assertTrue(AddressRange.parse("10.0.0.0/8").contains(ip("::ffff:10.1.2.3")));
  }

  @Test
  void malformedEntriesAreRefused() {
    for (String bad : new String[] {"", "proxy.example.org", "10.0.0", "10.0.0.256", "10.0.0.0/33",
        "10.0.0.0/", "10.0.0.0/-1", "2001:db8::/129", "2001:db8::zz", "10.0.0.1:8080", "fe80::1%eth0"}) {
      assertThrows(IllegalArgumentException.class, () -> AddressRange.parse(bad), bad);
    }
  }
}
