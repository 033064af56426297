package eu.somework.persistence;

import com.github.benmanes.caffeine.cache.CacheLoader;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/**
 * Where a cache reads a stale entry again while the request that found it is answered with the
 * kept value: the common pool, with the application's class loader as the thread's context loader
 * (the persistence provider loads the application's classes through it; a pool thread's own is the
 * system's).
 */
public final class BackgroundRefresh {
  private BackgroundRefresh() {}

  /**
   * A cache loader reading with {@code load}; when a background read again fails because the
   * database is unreachable ({@link DatabaseOutage}), it keeps the value it had instead of letting
   * the cache log the failure with its stack trace on every refresh while the database is down (the
   * request that needs the database says so once, with a 503).
   */
  public static <K, V> CacheLoader<K, V> keepingOnOutage(Function<K, V> load) {
    return new CacheLoader<>() {
      @Override
      public V load(K key) {
        return load.apply(key);
      }

      @Override
      public V reload(K key, V oldValue) {
        try {
          return load.apply(key);
        } catch (RuntimeException e) {
          if (DatabaseOutage.isCause(e)) {
            return oldValue;
          }
          throw e;
        }
      }
    };
  }

  /** An executor that runs work in the common pool under the class loader of {@code owner}. */
  public static Executor withClassLoaderOf(Class<?> owner) {
    ClassLoader loader = owner.getClassLoader();
    return work -> ForkJoinPool.commonPool().execute(() -> {
      Thread thread = Thread.currentThread();
      ClassLoader before = thread.getContextClassLoader();
      thread.setContextClassLoader(loader);
      try {
        work.run();
      } finally {
        thread.setContextClassLoader(before);
      }
    });
  }
}
