package eu.somework.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browser half of "server + browser": one real Chromium per test class, put into the class's
 * static {@link Chromium} field before its first test and closed after its last. Used beside
 * Arquillian's extension, which brings the server: {@code @ExtendWith({ArquillianExtension.class,
 * ChromiumPerClass.class})}.
 */
final class ChromiumPerClass implements BeforeAllCallback, AfterAllCallback {

  /** The browser blocks third-party cookies, as Safari, Firefox and privacy settings do. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE)
  @interface BlockingThirdPartyCookies {}

  @Override
  public void beforeAll(ExtensionContext context) throws IllegalAccessException {
    Class<?> test = context.getRequiredTestClass();
    Chromium chrome = test.isAnnotationPresent(BlockingThirdPartyCookies.class)
        ? Chromium.blockingThirdPartyCookies() : Chromium.start();
    field(test).set(null, chrome);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IllegalAccessException {
    Field field = field(context.getRequiredTestClass());
    Chromium chrome = (Chromium) field.get(null);
    if (chrome != null) {
      field.set(null, null);
      chrome.close();
    }
  }

  private static Field field(Class<?> test) {
    for (Field field : test.getDeclaredFields()) {
      if (field.getType() == Chromium.class && Modifier.isStatic(field.getModifiers())) {
        field.setAccessible(true);
        return field;
      }
    }
    throw new IllegalStateException(test.getSimpleName() + " needs a static Chromium field for ChromiumPerClass");
  }
}
