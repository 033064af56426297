package eu.somework.session;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that only a tool administrator may reach a resource (class or method; the method's rule
 * wins): someone signed in to the administrators' console with the credentials configured at
 * deployment, or — for the JSON API, {@link #api()} — a request with the administrators' Bearer
 * token. A tool session from an LMS launch never qualifies (not even a platform administrator's),
 * and an administrator's console session grants no role in any course. State-changing console
 * requests must carry the session's CSRF token (form field {@code csrf}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminOnly {
  /** True for the JSON API: admitted by {@code Authorization: Bearer <admin token>} only, not by the console cookie. */
  boolean api() default false;
}
