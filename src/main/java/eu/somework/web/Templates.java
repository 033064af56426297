package eu.somework.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one template engine of the tool: jte templates from {@code src/main/jte}, compiled to Java
 * in the build (so a template naming a missing parameter or method fails {@code mvn compile}) and
 * escaped by context at run time ({@link ContentType#Html}: element text, attribute values, URLs
 * in {@code href}). A template {@code src/main/jte/<feature>/<name>.jte} is the class
 * {@code eu.somework.<feature>.Jte<name>Generated}, so it may use its feature's package-private
 * model records.
 *
 * <p>Created once per class loader. The precompiled templates are loaded through this class's own
 * loader, the WAR's ({@code WEB-INF/classes}), not the thread's context loader, which in Payara
 * may be the server's.
 */
public final class Templates {
  /** The package the jte-maven-plugin generates into (pom.xml, {@code packageName}). */
  static final String PACKAGE = "eu.somework";

  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(null, ContentType.Html, Templates.class.getClassLoader(), PACKAGE);

  /**
   * The longest output of each template so far, in chars: its next output starts at that capacity
   * instead of growing from 8 KiB by copies (about 6 % of a launch's allocations in the profile).
   */
  private static final Map<String, Integer> CAPACITY = new ConcurrentHashMap<>();

  private Templates() {}

  /**
   * Renders a template that takes one parameter.
   *
   * @param name the template's path under {@code src/main/jte}, e.g. {@code "module/module.jte"}
   * @param model the template's one {@code @param}
   * @return the page or fragment, escaped by context
   * @throws gg.jte.TemplateException when there is no such template or the model has the wrong type
   */
  public static String render(String name, Object model) {
    StringOutput out = new StringOutput(CAPACITY.getOrDefault(name, 8192));
    ENGINE.render(name, model, out);
    return remembered(name, out.toString());
  }

  /**
   * Renders a template with its parameters by name.
   *
   * @param name the template's path under {@code src/main/jte}
   * @param params each {@code @param} by its name; parameters with a default may be left out
   * @return the page or fragment, escaped by context
   * @throws gg.jte.TemplateException when there is no such template or a parameter is missing
   */
  public static String render(String name, Map<String, Object> params) {
    StringOutput out = new StringOutput(CAPACITY.getOrDefault(name, 8192));
    ENGINE.render(name, params, out);
    return remembered(name, out.toString());
  }

  private static String remembered(String name, String output) {
    CAPACITY.merge(name, output.length(), Math::max);
    return output;
  }
}
