package dev.lambdalayer.aws;

import dev.lambdalayer.core.port.AwsSession;
import dev.lambdalayer.core.port.CodeReader;
import dev.lambdalayer.core.port.FunctionDeployer;
import dev.lambdalayer.core.port.FunctionReader;
import dev.lambdalayer.core.port.LayerPublisher;
import dev.lambdalayer.core.port.LayerVersionReader;
import dev.lambdalayer.core.port.ObjectStore;

/** The SDK's ports over one {@link AwsClients}, which closing the session closes. */
final class SdkAwsSession implements AwsSession {

  private final AwsClients clients;
  private final LayerVersionReader layerVersions;
  private final FunctionReader functions;
  private final LayerPublisher layerPublisher;
  private final FunctionDeployer functionDeployer;
  private final ObjectStore objects;
  private final CodeReader code;

  SdkAwsSession(AwsClients clients) {
    this(clients, new SdkObjectStore(clients));
  }

  /** With another object store, for tests of the multipart upload with small parts. */
  SdkAwsSession(AwsClients clients, ObjectStore objects) {
    this.clients = clients;
    this.layerVersions = new SdkLayerVersionReader(clients);
    this.functions = new SdkFunctionReader(clients);
    this.layerPublisher = new SdkLayerPublisher(clients);
    this.functionDeployer = new SdkFunctionDeployer(clients);
    this.objects = objects;
    this.code = new SdkCodeReader(clients);
  }

  @Override
  public CodeReader code() {
    return code;
  }

  @Override
  public LayerVersionReader layerVersions() {
    return layerVersions;
  }

  @Override
  public FunctionReader functions() {
    return functions;
  }

  @Override
  public LayerPublisher layerPublisher() {
    return layerPublisher;
  }

  @Override
  public FunctionDeployer functionDeployer() {
    return functionDeployer;
  }

  @Override
  public ObjectStore objects() {
    return objects;
  }

  @Override
  public void close() {
    clients.close();
  }
}
