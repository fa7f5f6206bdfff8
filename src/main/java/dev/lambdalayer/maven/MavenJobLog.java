package dev.lambdalayer.maven;

import dev.lambdalayer.core.job.JobLog;
import org.apache.maven.plugin.logging.Log;

/** A core job's progress, into Maven's log as it happens. */
record MavenJobLog(Log log) implements JobLog {

  @Override
  public void info(String line) {
    log.info(line);
  }

  @Override
  public void warn(String line) {
    log.warn(line);
  }

  @Override
  public void debug(String line) {
    log.debug(line);
  }
}
