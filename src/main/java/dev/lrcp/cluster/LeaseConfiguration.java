package dev.lrcp.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** An advisory-lock lease on PostgreSQL; on any other (embedded) database, the sole process. */
@Configuration(proxyBeanMethods = false)
class LeaseConfiguration {

  @Bean
  ClusterLease clusterLease(DataSource dataSource, Environment environment) throws SQLException {
    String replica = hostName() + ":" + environment.getProperty("server.port", "8080");
    String product;
    try (var connection = dataSource.getConnection()) {
      product = connection.getMetaData().getDatabaseProductName();
    }
    return "PostgreSQL".equals(product)
        ? new AdvisoryLease(dataSource, replica)
        : new SoleLease(replica);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
