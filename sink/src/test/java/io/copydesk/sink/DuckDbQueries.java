package io.copydesk.sink;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs SQL in an in-memory DuckDB, as an analyst would over the sink's files; shared with the app's
 * tests (test-jar).
 */
public final class DuckDbQueries {
  private DuckDbQueries() {}

  /**
   * Every row of {@code sql}'s result, each value as DuckDB renders it as a string (null stays
   * null).
   */
  public static List<List<String>> rows(Connection db, String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
          row.add(r.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * Runs one statement (a trailing ';' allowed) with relative file paths resolved against {@code
   * searchPath}.
   */
  public static List<List<String>> rows(Path searchPath, String sql) throws SQLException {
    try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = db.createStatement()) {
      s.execute(
          "SET file_search_path = '"
              + searchPath.toAbsolutePath().toString().replace("'", "''")
              + "'");
      return rows(db, sql.strip().replaceFirst(";$", ""));
    }
  }
}
