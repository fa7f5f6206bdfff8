package dev.lambdalayer.maven;

import dev.lambdalayer.core.model.InvalidConfigurationException;
import dev.lambdalayer.core.model.LockfileException;
import dev.lambdalayer.core.model.Setting;
import dev.lambdalayer.core.model.Violation;

/** Names each core {@link Setting} the way a user writes it: POM element and user property. */
final class SettingNames {

  private SettingNames() {}

  static String of(Setting setting) {
    return switch (setting) {
      case LAYERS -> "<layers>";
      case LAYER_NAME -> "<layers><layer><name> (or <layerName>, -Dlambda.layerName)";
      case LAYER_INCLUDES -> "<layers><layer><includes><include>";
      case LAYER_EXCLUDES -> "<layers><layer><excludes><exclude>";
      case RUNTIMES -> "<runtimes> (-Dlambda.runtimes)";
      case ARCHITECTURES -> "<architectures> (-Dlambda.architectures)";
      case RUNTIME_PROVIDED -> "<runtimeProvided> (-Dlambda.runtimeProvided)";
      case OUTPUT_TIMESTAMP -> "<outputTimestamp> (project.build.outputTimestamp)";
      case CLASSES_DIRECTORY -> "the classes directory (${project.build.outputDirectory})";
      case DEPENDENCIES -> "the project's <dependencies>";
      case REGIONS -> "<regions> (-Dlambda.regions)";
      case S3_BUCKET -> "<s3Bucket> (-Dlambda.s3Bucket)";
      case SHARE -> "<share> (-Dlambda.share)";
      case FUNCTION -> "<function> (-Dlambda.function)";
      case ALIAS -> "<alias> (-Dlambda.alias)";
      case SNAP_START -> "<snapStart> (-Dlambda.snapStart)";
      case LICENSE_INFO -> "<licenseInfo> (-Dlambda.licenseInfo)";
      case LOCKFILE -> "<lockfile> (-Dlambda.lockfile)";
      case PROFILE -> "<profile> (-Dlambda.profile)";
      case UPDATE_TIMEOUT -> "<updateTimeout> (-Dlambda.updateTimeout)";
      case AUDIT_FAIL_ON_DRIFT -> "<failOnDrift> (-Dlambda.audit.failOnDrift)";
      case HANDLER -> "<handler> (-Dlambda.handler)";
      case ALLOWED_DUPLICATES -> "<allowedDuplicates> (-Dlambda.allowedDuplicates)";
      case ALLOWED_MISSING -> "<allowedMissing> (-Dlambda.allowedMissing)";
      case SINGLE_PROVIDER_SERVICES -> "<singleProviderServices> (-Dlambda.singleProviderServices)";
      case SHARED_LAYERS -> "<sharedLayers><sharedLayer> (-Dlambda.sharedLayers)";
      case TRUSTED_ACCOUNTS -> "<trustedAccounts><trustedAccount> (-Dlambda.trustedAccounts)";
      case SHARE_PUBLICLY -> "<sharePublicly> (-Dlambda.sharePublicly)";
      case LAYER_PROJECT -> "<layerProject> (-Dlambda.layerProject)";
      case FAIL_ON_SKEW -> "<failOnSkew> (-Dlambda.failOnSkew)";
      case PRUNE_KEEP -> "<keep> (-Dlambda.prune.keep)";
      case REACTOR_LAYER -> "<reactorLayer> (-Dlambda.reactorLayer)";
      case REACTOR_LAYER_MIN_MODULES ->
          "<reactorLayerMinModules> (-Dlambda.reactorLayer.minModules)";
      case RUNTIME_CHECK_DATE -> "<runtimeCheckDate> (-Dlambda.runtimeCheckDate)";
      case INVOKE_EVENT -> "<event> (-Dlambda.event)";
      case INVOKE_ENVIRONMENT -> "<environmentVariables>";
      case INVOKE_TIMEOUT -> "<timeout> (-Dlambda.invoke.timeout)";
      case INVOKE_MEMORY_SIZE -> "<memorySize> (-Dlambda.invoke.memorySize)";
      case INVOKE_JDK -> "<jdk> (-Dlambda.invoke.jdk)";
      case INVOKE_CLIENT -> "<client> (-Dlambda.invoke.client)";
      case INVOKE_DEBUG -> "<debug> (-Dlambda.invoke.debug)";
      case ENVIRONMENTS -> "<environments><environment>";
      case ENVIRONMENT -> "<environment> (-Dlambda.environment)";
      case PROMOTE_FROM -> "<from> (-Dlambda.from)";
      case PROMOTE_TO -> "<to> (-Dlambda.to)";
    };
  }

  /** What a user reads when the lockfile cannot be used: the file, the place, what to do. */
  static String describe(LockfileException e) {
    String file = e.file().toString();
    String what =
        "The lockfile " + file + " cannot be used: " + e.location() + ": " + e.problem() + ".\n";
    if (e.reason() == LockfileException.Reason.NEWER_VERSION) {
      return what
          + "Upgrade dev.lambdalayer:lambda-layer-maven-plugin in this project to the version"
          + " that wrote it (the lockfile was not changed).";
    }
    return what
        + "It is never overwritten automatically. Restore it from version control (for example"
        + " git checkout -- "
        + e.file().getFileName()
        + "), or delete it and run mvn lambda:lock to write it again from the current"
        + " dependencies. "
        + of(Setting.LOCKFILE)
        + " chooses another file.";
  }

  /** One message listing every violation with its setting, value, problem and fix. */
  static String describe(InvalidConfigurationException e) {
    StringBuilder message = new StringBuilder("Invalid Lambda configuration:");
    for (Violation v : e.violations()) {
      message
          .append("\n  - ")
          .append(of(v.setting()))
          .append(v.value().isEmpty() ? "" : " '" + v.value() + "'")
          .append(": ")
          .append(v.problem())
          .append(". Fix: ")
          .append(v.fix())
          .append(v.related() == null ? "" : "; see " + of(v.related()))
          .append('.');
    }
    return message.toString();
  }
}
