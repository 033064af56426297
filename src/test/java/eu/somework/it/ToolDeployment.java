package eu.somework.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR the build produced, deployed as it is (ROOT.war: served at the root context). */
final class ToolDeployment {
  private ToolDeployment() {}

  static WebArchive war() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("it.war", "target/ROOT.war")));
  }
}
