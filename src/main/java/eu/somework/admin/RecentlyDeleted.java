package eu.somework.admin;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The ids of the registrations this instance deleted lately (the last {@value #KEPT}), so that the
 * console can say "already deleted" when a delete is submitted twice or its page is opened again
 * with the browser's back button, rather than "there is no registration". Kept in memory only:
 * after a restart, or on another instance, the console says there is no such registration.
 */
@ApplicationScoped
public class RecentlyDeleted {
  static final int KEPT = 100;

  private final Set<Long> ids = Collections.newSetFromMap(Collections.synchronizedMap(
      new LinkedHashMap<Long, Boolean>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Boolean> eldest) {
          return size() > KEPT;
        }
      }));

  /** Remembers that registration {@code id} was deleted. */
  public void deleted(long id) {
    ids.add(id);
  }

  /** Whether this instance deleted registration {@code id} lately. */
  public boolean wasDeleted(long id) {
    return ids.contains(id);
  }
}
