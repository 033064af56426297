package eu.somework.testsupport;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What one logger writes during each test, for tests of what an operator reads (and of what must
 * never be logged). Register with {@code @RegisterExtension}.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {
  private final Logger logger;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  /** Captures the logger of {@code source} (its class name). */
  public LogCapture(Class<?> source) {
    this(source.getName());
  }

  /** Captures the logger named {@code loggerName}. */
  public LogCapture(String loggerName) {
    this.logger = Logger.getLogger(loggerName);
  }

  /** The records of the current test, in order. */
  public List<LogRecord> records() {
    return records;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    records.clear();
    logger.addHandler(handler);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    logger.removeHandler(handler);
  }
}
