package dev.lambdalayer.aws;

import dev.lambdalayer.core.port.AwsCallException;
import dev.lambdalayer.core.port.FunctionDeployer;
import dev.lambdalayer.core.port.LayerPublisher;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.SnapStartApplyOn;
import software.amazon.awssdk.services.lambda.model.State;
import software.amazon.awssdk.services.lambda.waiters.LambdaWaiter;

/** {@link FunctionDeployer} over the SDK's Lambda client. */
final class SdkFunctionDeployer implements FunctionDeployer {

  private final AwsClients clients;

  SdkFunctionDeployer(AwsClients clients) {
    this.clients = clients;
  }

  static String subject(String function) {
    return "function '" + function + "'";
  }

  @Override
  public void updateCode(String region, String function, LayerPublisher.Code code) {
    SdkCalls.run(
        "UpdateFunctionCode",
        subject(function),
        region,
        () ->
            clients
                .lambda(region)
                .updateFunctionCode(
                    b -> {
                      b.functionName(function);
                      if (code instanceof LayerPublisher.Code.S3 s) {
                        b.s3Bucket(s.bucket()).s3Key(s.key());
                      } else {
                        b.zipFile(
                            SdkBytes.fromByteArrayUnsafe(
                                SdkLayerPublisher.read(((LayerPublisher.Code.Inline) code).zip())));
                      }
                    }));
  }

  @Override
  public void updateLayers(String region, String function, List<String> layerVersionArns) {
    SdkCalls.run(
        "UpdateFunctionConfiguration",
        subject(function),
        region,
        () ->
            clients
                .lambda(region)
                .updateFunctionConfiguration(
                    b -> b.functionName(function).layers(layerVersionArns)));
  }

  @Override
  public String publishVersion(
      String region, String function, String codeSha256, String description) {
    return SdkCalls.call(
            "PublishVersion",
            subject(function),
            region,
            () ->
                clients
                    .lambda(region)
                    .publishVersion(
                        b ->
                            b.functionName(function)
                                .codeSha256(codeSha256)
                                .description(description)))
        .version();
  }

  @Override
  public void updateSnapStart(String region, String function, boolean on) {
    SnapStartApplyOn applyOn = on ? SnapStartApplyOn.PUBLISHED_VERSIONS : SnapStartApplyOn.NONE;
    SdkCalls.run(
        "UpdateFunctionConfiguration",
        subject(function),
        region,
        () ->
            clients
                .lambda(region)
                .updateFunctionConfiguration(
                    b -> b.functionName(function).snapStart(s -> s.applyOn(applyOn))));
  }

  @Override
  public void awaitVersionActive(
      String region, String function, String version, Duration timeout, Duration pollInterval) {
    String subject = subject(function) + " version " + version;
    try (LambdaWaiter waiter =
        LambdaWaiter.builder()
            .client(clients.lambda(region))
            .overrideConfiguration(
                o ->
                    o.waitTimeout(timeout)
                        .maxAttempts(Integer.MAX_VALUE)
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(pollInterval)))
            .build()) {
      SdkCalls.run(
          "GetFunctionConfiguration",
          subject,
          region,
          () ->
              waiter.waitUntilPublishedVersionActive(
                  b -> b.functionName(function).qualifier(version)));
    } catch (AwsCallException e) {
      if (e.kind() != AwsCallException.Kind.OTHER) {
        throw e;
      }
      // The waiter says only that it gave up or failed: the version's own state says why.
      GetFunctionConfigurationResponse state =
          SdkCalls.call(
              "GetFunctionConfiguration",
              subject,
              region,
              () ->
                  clients
                      .lambda(region)
                      .getFunctionConfiguration(b -> b.functionName(function).qualifier(version)));
      boolean pending = state.state() == State.PENDING;
      throw new AwsCallException(
          "PublishVersion",
          subject,
          region,
          pending
              ? "the version is still Pending (SnapStart optimization) after "
                  + timeout.toSeconds()
                  + " s (the update timeout; if the version stays Pending, look at the function in"
                  + " the console)"
              : "the version ended with State "
                  + state.stateAsString()
                  + ": "
                  + state.stateReason()
                  + " ("
                  + state.stateReasonCodeAsString()
                  + ")",
          pending ? AwsCallException.Kind.TIMEOUT : AwsCallException.Kind.OTHER,
          e);
    }
  }

  @Override
  public void pointAlias(String region, String function, String alias, String version) {
    try {
      SdkCalls.run(
          "UpdateAlias",
          subject(function) + " alias '" + alias + "'",
          region,
          () ->
              clients
                  .lambda(region)
                  .updateAlias(b -> b.functionName(function).name(alias).functionVersion(version)));
    } catch (AwsCallException e) {
      if (e.kind() != AwsCallException.Kind.NOT_FOUND) {
        throw e;
      }
      SdkCalls.run(
          "CreateAlias",
          subject(function) + " alias '" + alias + "'",
          region,
          () ->
              clients
                  .lambda(region)
                  .createAlias(b -> b.functionName(function).name(alias).functionVersion(version)));
    }
  }
}
