package dev.lrcp;

import org.springframework.boot.task.ThreadPoolTaskSchedulerBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Turns on {@code @Scheduled} reporters (health, incidents, storage, gauges) and runs them, and the
 * jobs scheduled in code, on a few platform threads. With virtual threads on, Spring Boot would run
 * them on virtual threads, which share the carriers of the request threads and are never preempted:
 * a rule evaluation that scans the recent-call windows for tens of milliseconds would hold a
 * carrier, and with two cores half of them, while requests wait. The kernel time-slices platform
 * threads against the carriers instead. Size and names: {@code spring.task.scheduling.*}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

  @Bean
  ThreadPoolTaskScheduler taskScheduler(ThreadPoolTaskSchedulerBuilder builder) {
    return builder.build();
  }
}
