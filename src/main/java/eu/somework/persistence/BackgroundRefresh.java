package eu.somework.persistence;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Where a cache reads a stale entry again while the request that found it is answered with the
 * kept value: the common pool, with the application's class loader as the thread's context loader
 * (the persistence provider loads the application's classes through it; a pool thread's own is the
 * system's).
 */
public final class BackgroundRefresh {
  private BackgroundRefresh() {}

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
