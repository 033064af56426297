package eu.somework.launch;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import eu.somework.web.ClientAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per client address: {@code permitsPerMinute} requests at once, refilled evenly
 * over a minute. An IPv6 client counts by its /64 network, since one host usually holds a whole
 * /64 and could otherwise rotate addresses. Buckets live in a Caffeine cache bounded in size and
 * dropped after a minute unused (a bucket idle that long is full again anyway), so a flood from
 * many addresses costs bounded memory. Per instance, in memory, so that a login costs no database
 * round trip: with N instances behind a reverse proxy a client may start up to N times the rate if
 * the proxy spreads its requests over all of them (docs/cluster.md). Thread-safe.
 *
 * <p>The address is the client's as {@code web.ClientAddress} finds it: behind a reverse proxy
 * listed in {@code somework.proxy.trusted-addresses}, the address the proxy forwarded for.
 */
public final class AddressRateLimit {
  private final double permitsPerMinute;
  private final Ticker ticker;
  private final Cache<String, Bucket> buckets;

  /**
   * @param permitsPerMinute requests an address may make per minute (and at once, after a pause)
   * @param maxAddresses how many addresses are tracked at most
   * @param ticker the time source in nanoseconds ({@link Ticker#systemTicker()} outside tests)
   */
  public AddressRateLimit(int permitsPerMinute, int maxAddresses, Ticker ticker) {
    if (permitsPerMinute < 1) {
      throw new IllegalArgumentException("permitsPerMinute must be at least 1, not " + permitsPerMinute);
    }
    this.permitsPerMinute = permitsPerMinute;
    this.ticker = ticker;
    this.buckets = Caffeine.newBuilder()
        .maximumSize(maxAddresses)
        .expireAfterAccess(1, TimeUnit.MINUTES)
        .ticker(ticker)
        .build();
  }

  /**
   * Takes one permit for the address.
   *
   * @param address the client's IP address as the socket saw it (a literal, never a host name)
   * @return empty when the request may go ahead; otherwise how long until the next permit
   */
  public Optional<Duration> tryAcquire(String address) {
    Bucket bucket = buckets.get(key(address), k -> new Bucket(permitsPerMinute, ticker.read()));
    return bucket.take(ticker.read(), permitsPerMinute);
  }

  /** IPv4 as is; IPv6 by its /64 network ({@link ClientAddress#limitKey}). */
  static String key(String address) {
    return ClientAddress.limitKey(address);
  }

  /** Tokens of one address; guarded by itself. */
  private static final class Bucket {
    private double tokens;
    private long updatedNanos;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updatedNanos = now;
    }

    synchronized Optional<Duration> take(long now, double perMinute) {
      double perNano = perMinute / TimeUnit.MINUTES.toNanos(1);
      tokens = Math.min(perMinute, tokens + Math.max(0, now - updatedNanos) * perNano);
      updatedNanos = now;
      if (tokens >= 1) {
        tokens -= 1;
        return Optional.empty();
      }
      return Optional.of(Duration.ofNanos((long) Math.ceil((1 - tokens) / perNano)));
    }
  }
}
