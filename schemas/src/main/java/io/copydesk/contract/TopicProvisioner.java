package io.copydesk.contract;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates Copydesk's topics where they are missing; leaves existing ones alone but says if they
 * differ.
 */
public final class TopicProvisioner {
  private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

  private TopicProvisioner() {}

  /**
   * Topics just created take a moment to reach every broker's metadata: asking too early answers
   * "unknown topic", so ask again for a while before failing.
   */
  private static Map<String, TopicDescription> describeWhenVisible(Admin admin, List<String> names)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        return admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause()
                instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  /**
   * Creates the configuration's topics that are missing, over an admin client of its own, and
   * returns them: every stage may be the first to start.
   */
  public static Topics provision(CopydeskConfig config) throws InterruptedException {
    Topics topics = Topics.from(config);
    try (Admin admin = Admin.create(config.kafka())) {
      ensure(admin, topics);
    }
    return topics;
  }

  public static void ensure(Admin admin, Topics topics) throws InterruptedException {
    List<TopicSpec<?, ?>> wanted = topics.all();
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          wanted.stream()
              .filter(t -> !existing.contains(t.name()))
              .map(TopicSpec::newTopic)
              .collect(Collectors.toList());
      if (!missing.isEmpty()) {
        try {
          admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          // Another stage may have created it at the same moment: that is fine.
          if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
            throw e;
          }
        }
        LOG.info("created topics {}", missing.stream().map(NewTopic::name).toList());
      }
      Map<String, TopicDescription> described =
          describeWhenVisible(admin, wanted.stream().map(TopicSpec::name).toList());
      for (TopicSpec<?, ?> spec : wanted) {
        int actual = described.get(spec.name()).partitions().size();
        if (actual != spec.partitions()) {
          LOG.warn(
              "topic {} has {} partitions; configuration says {} (Copydesk does not change existing topics)",
              spec.name(),
              actual,
              spec.partitions());
        }
      }
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create Copydesk's topics: " + e.getMessage(), e);
    }
  }
}
