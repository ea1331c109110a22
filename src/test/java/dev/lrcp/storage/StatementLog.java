package dev.lrcp.storage;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** A data source that remembers the SQL of every statement prepared through it. */
final class StatementLog extends DelegatingDataSource {

  final List<String> prepared = new CopyOnWriteArrayList<>();

  StatementLog(DataSource target) {
    super(target);
  }

  @Override
  public Connection getConnection() throws java.sql.SQLException {
    Connection connection = super.getConnection();
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("prepareStatement")) {
                prepared.add((String) args[0]);
              }
              try {
                return method.invoke(connection, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  long updates() {
    return prepared.stream().filter(sql -> sql.startsWith("UPDATE")).count();
  }
}
