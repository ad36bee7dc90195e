package dev.superapp.batch.cli;

import dev.superapp.batch.console.ConsoleUsers;
import dev.superapp.batch.schedule.ScheduleService;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.quartz.SchedulerException;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code serve}: this node joins the Quartz cluster and runs the jobs of {@code jobs.dir} on their schedules,
 * with Actuator health and Prometheus metrics on {@code management.server.port}, until it is stopped
 * (SIGTERM or Ctrl-C: running jobs stop at a chunk boundary first).
 */
@Command(name = "serve", description = {
        "Run the web console and the scheduled jobs of jobs.dir until stopped; several nodes may share one database.",
        "jobs.dir: JOBS_DIR, default ./jobs. The console: http://<host>:<server.port>/.",
        "Health and metrics: http://<host>:<management.server.port>/actuator/health and /actuator/prometheus."})
final class ServeCommand implements Callable<Integer> {

    /** The only command with web servers: the console and the management port. */
    private static final Map<String, String> SERVE_PROPERTIES = Map.of("spring.main.web-application-type", "servlet");

    @ParentCommand
    private SuperappCommand root;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        return root.inContext(SERVE_PROPERTIES, context -> {
            CountDownLatch closed = new CountDownLatch(1);
            context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> closed.countDown());
            String node;
            try {
                node = context.getBean(ScheduleService.class).start();
            } catch (SchedulerException e) {
                throw new IllegalStateException("the scheduler did not start: " + e.getMessage(), e);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("serving as node " + node + "; stop with SIGTERM or Ctrl-C");
            out.println("console: http://localhost:" + context.getEnvironment().getProperty("local.server.port") + "/");
            if (context.getBean(ConsoleUsers.class).list().isEmpty()) {
                out.println("no console users yet; add one with: user add NAME --role=admin");
            }
            out.flush();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
    }
}
