package dev.lambdalayer.maven;

import dev.lambdalayer.core.model.Environment;
import dev.lambdalayer.core.model.Environments;
import dev.lambdalayer.core.model.Setting;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code <environment>} of the POM: a name, how to reach its account ({@code <profile>}, {@code
 * <roleArn>}, {@code <endpoint>}), its {@code <regions>}, {@code <function>} and {@code <alias>}.
 */
public class EnvironmentConfiguration {

  /** The name {@code -Dlambda.environment}, {@code -Dlambda.from} and {@code -Dlambda.to} use. */
  private String name;

  /** The AWS profile for this environment's credentials. */
  private String profile;

  /** An IAM role to assume for this environment, with the profile's or the chain's credentials. */
  private String roleArn;

  /** This environment's regions. */
  private List<String> regions = new ArrayList<>();

  /** This environment's function (name or ARN). */
  private String function;

  /** The alias this environment's traffic goes through. */
  private String alias;

  /** An endpoint override for Lambda and S3 (emulators). */
  private String endpoint;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getProfile() {
    return profile;
  }

  public void setProfile(String profile) {
    this.profile = profile;
  }

  public String getRoleArn() {
    return roleArn;
  }

  public void setRoleArn(String roleArn) {
    this.roleArn = roleArn;
  }

  public List<String> getRegions() {
    return regions;
  }

  public void setRegions(List<String> regions) {
    this.regions = regions;
  }

  public String getFunction() {
    return function;
  }

  public void setFunction(String function) {
    this.function = function;
  }

  public String getAlias() {
    return alias;
  }

  public void setAlias(String alias) {
    this.alias = alias;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  /** The core's value: blanks become unset, so they fall back to the goal's own settings. */
  Environment toEnvironment() {
    return new Environment(
        name == null ? null : name.trim(),
        PomValues.blankToNull(profile),
        PomValues.blankToNull(roleArn) == null ? null : roleArn.trim(),
        regions == null ? List.of() : PomValues.trimmed(regions, Setting.ENVIRONMENTS),
        PomValues.blankToNull(function),
        PomValues.blankToNull(alias),
        PomValues.blankToNull(endpoint));
  }

  /** The core's values of every declared environment. */
  static List<Environment> toEnvironments(List<EnvironmentConfiguration> declared) {
    return declared == null
        ? List.of()
        : declared.stream().map(EnvironmentConfiguration::toEnvironment).toList();
  }

  /**
   * The declared environment called {@code name}, the declarations checked first; null when {@code
   * name} is unset or blank.
   *
   * @param setting the setting that named it, for the error
   */
  static Environment select(List<EnvironmentConfiguration> declared, String name, Setting setting) {
    if (PomValues.blankToNull(name) == null) {
      return null;
    }
    return Environments.of(toEnvironments(declared)).select(name.trim(), setting);
  }
}
