package eu.somework.simulator;

import eu.somework.persistence.Transactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The faults the simulated platform was told to show, each until its moment (in the database). */
@ApplicationScoped
public class SimulatorFaults {
  /** The longest a fault can be set for. */
  static final Duration LONGEST = Duration.ofHours(2);

  @Inject Transactor tx;
  @Inject Clock clock;

  /** Faults over {@code tx} outside a container (tests). */
  static SimulatorFaults over(Transactor tx, Clock clock) {
    SimulatorFaults faults = new SimulatorFaults();
    faults.tx = tx;
    faults.clock = clock;
    return faults;
  }

  /** Shows {@code kind} from now for {@code duration} (at most {@link #LONGEST}). */
  void start(SimFault.Kind kind, Duration duration) {
    Instant until = clock.instant().plus(duration.compareTo(LONGEST) > 0 ? LONGEST : duration);
    tx.run(em -> {
      SimFault fault = em.find(SimFault.class, kind);
      if (fault == null) {
        em.persist(new SimFault(kind, until));
      } else {
        fault.extend(until);
      }
    });
  }

  /** Ends every fault now. */
  void clear() {
    tx.run(em -> em.createQuery("delete from SimFault f").executeUpdate());
  }

  boolean active(SimFault.Kind kind) {
    return tx.read(em -> {
      SimFault fault = em.find(SimFault.class, kind);
      return fault != null && fault.until().isAfter(clock.instant());
    });
  }

  /** The faults still showing, for the simulator page. */
  List<SimFault> current() {
    Instant now = clock.instant();
    return tx.read(em -> em.createQuery("select f from SimFault f where f.until > :now order by f.until", SimFault.class)
        .setParameter("now", now).getResultList());
  }
}
