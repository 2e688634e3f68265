package io.copydesk.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Health and metrics of one process: a Prometheus registry with the JVM's meters and those of the
 * stages it runs, served by {@link OpsHttpServer} where its {@link MetricsSettings} say.
 */
final class ServiceMonitor implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceMonitor.class);

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final List<AutoCloseable> binders = new ArrayList<>();
  private final OpsHttpServer server;

  private ServiceMonitor(MetricsSettings settings, List<? extends Stage> stages) throws Exception {
    List<MeterBinder> all =
        new ArrayList<>(
            List.of(
                new JvmMemoryMetrics(),
                new JvmGcMetrics(),
                new JvmThreadMetrics(),
                new ClassLoaderMetrics(),
                new ProcessorMetrics(),
                new UptimeMetrics()));
    Map<String, BooleanSupplier> readiness = new LinkedHashMap<>();
    for (Stage stage : stages) {
      all.addAll(stage.meters());
      readiness.put(stage.name(), stage::ready);
      Gauge.builder("copydesk.stage.ready", stage, s -> s.ready() ? 1 : 0)
          .tag("stage", stage.name())
          .description("1 when the stage is ready (as /health/ready), else 0")
          .register(registry);
    }
    for (MeterBinder binder : all) {
      binder.bindTo(registry);
      if (binder instanceof AutoCloseable closeable) {
        binders.add(closeable);
      }
    }
    this.server =
        new OpsHttpServer(
            new InetSocketAddress(settings.host(), settings.port()), readiness, registry::scrape);
    server.start();
    LOG.info(
        "health and metrics on http://{}:{}/health/ready and /metrics",
        settings.host(),
        server.port());
  }

  /**
   * Serves the stages' health and metrics where the settings say; null when their port is 0 (off).
   */
  static ServiceMonitor startIfEnabled(MetricsSettings settings, List<? extends Stage> stages)
      throws Exception {
    return settings.enabled() ? new ServiceMonitor(settings, stages) : null;
  }

  @Override
  public void close() throws Exception {
    server.close();
    for (AutoCloseable binder : binders) {
      binder.close();
    }
    registry.close();
  }
}
