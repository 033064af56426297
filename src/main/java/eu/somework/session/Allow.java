package eu.somework.session;


import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares who may reach a resource (class or method; the method's rule wins): a valid tool
 * session bound to this browser, with one of {@link #value()} as its role. Anyone else gets 401
 * (no valid session) or 403 (wrong role, or no course where {@link #course()} requires one).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Allow {
  /** The roles allowed. */
  ToolRole[] value();

  /** True when the resource shows course-wide data: a launch without an LTI context is refused. */
  boolean course() default false;

  /** Message key (i18n/messages) of the reason shown to a user whose role is not allowed. */
  String refusal() default "access.forbidden";
}
