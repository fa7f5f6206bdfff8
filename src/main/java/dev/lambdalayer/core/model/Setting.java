package dev.lambdalayer.core.model;

/**
 * The user settings a configuration problem can point at. The build-tool adapter turns each into
 * the name the user writes (an XML element, a property), so core messages stay tool-neutral.
 */
public enum Setting {
  LAYERS,
  LAYER_NAME,
  LAYER_INCLUDES,
  LAYER_EXCLUDES,
  RUNTIMES,
  ARCHITECTURES,
  RUNTIME_PROVIDED,
  OUTPUT_TIMESTAMP,
  DEPENDENCIES,
  CLASSES_DIRECTORY,
  REGIONS,
  S3_BUCKET,
  SHARE,
  FUNCTION,
  ALIAS,
  LICENSE_INFO,
  LOCKFILE,
  PROFILE,
  UPDATE_TIMEOUT,
  AUDIT_FAIL_ON_DRIFT,
  HANDLER,
  ALLOWED_DUPLICATES,
  ALLOWED_MISSING,
  SINGLE_PROVIDER_SERVICES,
  SHARED_LAYERS,
  TRUSTED_ACCOUNTS,
  SHARE_PUBLICLY,
  LAYER_PROJECT,
  FAIL_ON_SKEW,
  PRUNE_KEEP,
  REACTOR_LAYER,
  REACTOR_LAYER_MIN_MODULES
}
