package eu.somework.persistence;

import jakarta.persistence.EntityManagerFactory;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.helper.DatabaseField;
import org.eclipse.persistence.jpa.JpaHelper;
import org.eclipse.persistence.mappings.DatabaseMapping;
import org.eclipse.persistence.mappings.DirectCollectionMapping;

/** The columns the persistence unit reads and writes, as EclipseLink resolved the mappings. */
final class MappedColumns {
  private MappedColumns() {}

  /** "table.column" in lower case, entity tables and element-collection tables alike. */
  static Set<String> of(EntityManagerFactory factory) {
    Set<String> columns = new TreeSet<>();
    for (ClassDescriptor descriptor : JpaHelper.getServerSession(factory).getDescriptors().values()) {
      for (DatabaseField field : descriptor.getFields()) {
        add(columns, field);
      }
      for (DatabaseMapping mapping : descriptor.getMappings()) {
        if (mapping instanceof DirectCollectionMapping collection) {
          add(columns, collection.getDirectField());
          collection.getReferenceKeyFields().forEach(f -> add(columns, f));
        }
      }
    }
    return columns;
  }

  private static void add(Set<String> columns, DatabaseField field) {
    columns.add((field.getTableName() + "." + field.getName()).toLowerCase());
  }
}
