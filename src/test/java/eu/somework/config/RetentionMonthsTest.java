package eu.somework.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import eu.somework.testsupport.TestConfig;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** {@code somework.retention.months}: off unless set, a whole number of months, named when wrong. */
class RetentionMonthsTest {
  private static Settings with(String value) {
    return new Settings(TestConfig.of(value == null ? Map.of() : Map.of("somework.retention.months", value)));
  }

  @Test
  void retentionIsOffUnlessSetAndZeroMeansOff() {
    assertEquals(OptionalInt.empty(), with(null).retentionMonths());
    assertEquals(OptionalInt.empty(), with("0").retentionMonths());
    assertEquals(OptionalInt.of(24), with("24").retentionMonths());
    assertEquals(OptionalInt.of(6), new Settings(TestConfig.of(Map.of(), Map.of("SOMEWORK_RETENTION_MONTHS", "6")))
        .retentionMonths());
  }

  @Test
  void aValueThatIsNotAWholeNumberOfMonthsStopsTheStartNamingTheKey() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> with("two years").retentionMonths());
    assertEquals("Configuration somework.retention.months (environment SOMEWORK_RETENTION_MONTHS) must be a whole"
        + " number of months, not 'two years'.", e.getMessage());
    assertEquals(1, ConfigurationCheck.problems(with("-1")).size());
  }
}
