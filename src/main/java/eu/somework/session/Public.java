package eu.somework.session;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a resource (class or method) is reached without a tool session: the LTI login
 * and launch endpoints, the tool's key set, static files, the front page, the simulator (which
 * has its own on/off gate). Stating it is required: a resource with no rule is refused.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Public {
  /** Why no session is needed, for the reader of the code. */
  String value();
}
