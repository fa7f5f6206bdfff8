import groovy.json.JsonSlurper
import java.util.zip.ZipFile

// 1. The check passed on the shipped example.
String log = new File(basedir, 'build.log').text
assert log =~ /Class path \(java17\): .* reachable from com.example.Handler::handleRequest; 0 missing, 0 version conflicts, 0 warnings/
def report = new JsonSlurper().parse(new File(basedir, 'target/lambda/classpath.json'))
assert report.errors == 0 && report.warnings == 0

// 2. Unpack the zips as Lambda does: the function into /var/task, every layer (in <layers> order) into /opt.
def build = new JsonSlurper().parse(new File(basedir, 'target/lambda/build.json'))
File lambda = new File(basedir, 'target/lambda-fs')
File task = new File(lambda, 'var/task')
File opt = new File(lambda, 'opt')
def unzip = { File zip, File into ->
  new ZipFile(zip).withCloseable { z ->
    z.entries().each { e ->
      File target = new File(into, e.name)
      if (e.directory) { target.mkdirs() } else {
        target.parentFile.mkdirs()
        target.withOutputStream { out -> out << z.getInputStream(e) }
      }
    }
  }
}
unzip(new File(basedir, 'target/lambda/' + build.function.file), task)
build.layers.each { unzip(new File(basedir, 'target/lambda/' + it.file), opt) }

// 3. Lambda's class path: the runtime's own libraries first (aws-lambda-java-core: runtime-provided,
// so no zip carries it), then /var/task, /var/task/lib/*.jar by name, /opt/java/lib/*.jar by name.
assert !build.function.libraries.any { it.artifactId == 'aws-lambda-java-core' }
assert build.runtimeProvided*.artifactId == ['aws-lambda-java-core']
File runtimeCore = new File(localRepositoryPath, 'com/amazonaws/aws-lambda-java-core/1.2.3/aws-lambda-java-core-1.2.3.jar')
assert runtimeCore.isFile()
def jars = { File dir -> (dir.listFiles() ?: []).findAll { it.name.endsWith('.jar') }.sort { it.name } }
def classPath = [runtimeCore, task] + jars(new File(task, 'lib')) + jars(new File(opt, 'java/lib'))
assert classPath.size() == 1 + 1 + 0 + 46 : classPath

// 4. A JVM on that class path calls the handler through the RequestHandler interface.
File runner = new File(lambda, 'Invoke.java')
runner.text = """
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

public class Invoke {
  @SuppressWarnings("unchecked")
  public static void main(String[] args) throws Exception {
    RequestHandler<Map<String, String>, String> handler =
        (RequestHandler<Map<String, String>, String>)
            Class.forName("com.example.Handler").getConstructor().newInstance();
    System.out.println("RESPONSE " + handler.handleRequest(Map.of("name", "Lambda"), null));
  }
}
"""
String java = new File(System.getProperty('java.home'), 'bin/java').path
def process = [java, '-cp', classPath*.path.join(File.pathSeparator), runner.path].execute(null, lambda)
def out = new StringBuilder(), err = new StringBuilder()
process.waitForProcessOutput(out, err)
assert process.exitValue() == 0 : "the handler failed to run:\n$out\n$err"
assert out.toString().trim() == 'RESPONSE {"greeting":"Hello, Lambda!"}' : "$out\n$err"
