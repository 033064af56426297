package eu.somework.privacy;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plain SQL on the connection of the open transaction. Export and erasure are defined on the
 * schema — the tables and columns docs/privacy.md records — rather than on the features' entities,
 * so one class reads or removes a person's rows of every feature, and its tests check every
 * column of the schema. Values come back as JSON-ready objects: text, numbers, booleans, and times
 * as ISO-8601 UTC strings.
 */
final class Sql {
  private final Connection connection;

  private Sql(Connection connection) {
    this.connection = connection;
  }

  /** The connection of {@code em}'s active transaction (EclipseLink hands it out once one is open). */
  static Sql in(EntityManager em) {
    return new Sql(em.unwrap(Connection.class));
  }

  /** Rows as maps from the lower-case column label to its value, in select order. */
  List<Map<String, Object>> rows(String sql, Object... params) {
    try (PreparedStatement statement = prepared(sql, params); ResultSet rs = statement.executeQuery()) {
      ResultSetMetaData meta = rs.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), value(rs, meta, i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("Reading personal data failed: " + e.getMessage(), e);
    }
  }

  /** The one number a {@code SELECT COUNT(*)} returns. */
  long count(String sql, Object... params) {
    Object n = rows(sql, params).get(0).values().iterator().next();
    return ((Number) n).longValue();
  }

  /** Rows changed. */
  int update(String sql, Object... params) {
    try (PreparedStatement statement = prepared(sql, params)) {
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Changing personal data failed: " + e.getMessage(), e);
    }
  }

  private PreparedStatement prepared(String sql, Object... params) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      statement.setObject(i + 1, p instanceof Instant t ? OffsetDateTime.ofInstant(t, ZoneOffset.UTC) : p);
    }
    return statement;
  }

  private static Object value(ResultSet rs, ResultSetMetaData meta, int i) throws SQLException {
    int type = meta.getColumnType(i);
    if (type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE) {
      OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
      return t == null ? null : t.toInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
    }
    Object v = rs.getObject(i);
    if (v instanceof java.math.BigDecimal d) {
      return d.doubleValue();
    }
    return v;
  }
}
