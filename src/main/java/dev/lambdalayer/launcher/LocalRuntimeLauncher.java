package dev.lambdalayer.launcher;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Runs a handler against a Lambda Runtime API where the runtime interface client's native part
 * cannot load (macOS, Windows): loads the handler, deserializes each event with the serialization
 * library Lambda uses, calls the handler with a {@link Context} and posts the result or error.
 * {@code RequestStreamHandler} methods get the event's bytes. Usage: {@code LocalRuntimeLauncher
 * <handler>}, with {@code AWS_LAMBDA_RUNTIME_API} set. Compiled for Java 8 (its own compiler
 * execution in the POM): the child JVM runs on the function runtime's release, down to java8.
 */
public final class LocalRuntimeLauncher {

  private final String api;
  private final Object target;
  private final Method method;

  private LocalRuntimeLauncher(String api, Object target, Method method) {
    this.api = api;
    this.target = target;
    this.method = method;
  }

  public static void main(String[] args) throws Exception {
    String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/";
    LocalRuntimeLauncher launcher;
    try {
      launcher = load(api, args[0]);
    } catch (Throwable t) {
      Throwable cause = t instanceof InvocationTargetException ? t.getCause() : t;
      System.out.println(cause);
      post(api + "init/error", ErrorJson.of(cause), cause.getClass().getName());
      System.exit(1);
      return;
    }
    while (true) {
      launcher.invokeNext();
    }
  }

  /** The handler's object and the method Lambda would call, as {@code Class::method} or a class. */
  private static LocalRuntimeLauncher load(String api, String handler) throws Exception {
    int colons = handler.indexOf("::");
    String className = colons < 0 ? handler : handler.substring(0, colons);
    Class<?> type = Class.forName(className, true, ClassLoader.getSystemClassLoader());
    String name = colons < 0 ? "handleRequest" : handler.substring(colons + 2);
    Method method = null;
    for (Method candidate : type.getMethods()) {
      if (candidate.getName().equals(name)
          && !candidate.isBridge()
          && !candidate.isSynthetic()
          && candidate.getParameterCount() <= 3
          && (method == null || candidate.getParameterCount() > method.getParameterCount())) {
        method = candidate;
      }
    }
    if (method == null) {
      throw new NoSuchMethodException("No public method named " + name + " in " + className);
    }
    Object target =
        Modifier.isStatic(method.getModifiers())
            ? null
            : type.getDeclaredConstructor().newInstance();
    return new LocalRuntimeLauncher(api, target, method);
  }

  /** Fetches one event, calls the handler, posts what it returned or threw. */
  private void invokeNext() throws IOException {
    HttpURLConnection next =
        (HttpURLConnection) URI.create(api + "invocation/next").toURL().openConnection();
    next.setReadTimeout(0);
    byte[] event;
    try (InputStream in = next.getInputStream()) {
      event = readAll(in);
    }
    String requestId = next.getHeaderField("Lambda-Runtime-Aws-Request-Id");
    LocalContext context =
        new LocalContext(
            requestId,
            next.getHeaderField("Lambda-Runtime-Invoked-Function-Arn"),
            Long.parseLong(next.getHeaderField("Lambda-Runtime-Deadline-Ms")));
    byte[] response;
    try {
      response = call(event, context);
    } catch (Throwable t) {
      Throwable cause = t instanceof InvocationTargetException ? t.getCause() : t;
      cause.printStackTrace(System.out);
      post(
          api + "invocation/" + requestId + "/error",
          ErrorJson.of(cause),
          cause.getClass().getName());
      return;
    }
    post(api + "invocation/" + requestId + "/response", response, null);
  }

  private byte[] call(byte[] event, Context context) throws Exception {
    Class<?>[] parameters = method.getParameterTypes();
    if (parameters.length >= 2
        && InputStream.class.isAssignableFrom(parameters[0])
        && OutputStream.class.isAssignableFrom(parameters[1])) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Object[] args =
          parameters.length == 3
              ? new Object[] {new ByteArrayInputStream(event), out, context}
              : new Object[] {new ByteArrayInputStream(event), out};
      method.invoke(target, args);
      return out.toByteArray();
    }
    Object[] args = new Object[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      args[i] =
          Context.class.isAssignableFrom(parameters[i])
              ? context
              : serializer(inputType(i)).fromJson(new ByteArrayInputStream(event));
    }
    Object result = method.invoke(target, args);
    if (method.getReturnType() == void.class) {
      return "null".getBytes(StandardCharsets.UTF_8);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    serializer(outputType()).toJson(result, out);
    return out.toByteArray();
  }

  /** The event's type: a {@code RequestHandler}'s type argument where the method erases it. */
  private Type inputType(int index) {
    Type declared = method.getGenericParameterTypes()[index];
    Type argument = handlerTypeArgument(0);
    return declared == Object.class && argument != null ? argument : declared;
  }

  private Type outputType() {
    Type declared = method.getGenericReturnType();
    Type argument = handlerTypeArgument(1);
    return declared == Object.class && argument != null ? argument : declared;
  }

  private Type handlerTypeArgument(int index) {
    for (Class<?> c = method.getDeclaringClass(); c != null; c = c.getSuperclass()) {
      for (Type type : c.getGenericInterfaces()) {
        if (type instanceof ParameterizedType
            && ((ParameterizedType) type).getRawType() == RequestHandler.class) {
          return ((ParameterizedType) type).getActualTypeArguments()[index];
        }
      }
    }
    return null;
  }

  /** The Lambda events library's serializers for its event classes, Jackson for the rest. */
  @SuppressWarnings("unchecked")
  private static PojoSerializer<Object> serializer(Type type) {
    if (type instanceof Class<?>
        && LambdaEventSerializers.isLambdaSupportedEvent(((Class<?>) type).getName())) {
      return (PojoSerializer<Object>)
          LambdaEventSerializers.serializerFor((Class<?>) type, ClassLoader.getSystemClassLoader());
    }
    return JacksonFactory.getInstance().getSerializer(type);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      bytes.write(buffer, 0, n);
    }
    return bytes.toByteArray();
  }

  private static void post(String url, byte[] body, String errorType) throws IOException {
    HttpURLConnection post = (HttpURLConnection) URI.create(url).toURL().openConnection();
    post.setRequestMethod("POST");
    post.setDoOutput(true);
    if (errorType != null) {
      post.setRequestProperty("Lambda-Runtime-Function-Error-Type", errorType);
    }
    try (OutputStream out = post.getOutputStream()) {
      out.write(body);
    }
    post.getResponseCode();
    post.disconnect();
  }
}
