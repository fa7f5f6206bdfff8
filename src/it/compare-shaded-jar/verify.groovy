import groovy.json.JsonSlurper

// The invoker appends the three builds' logs into one build.log.
String log1 = new File(basedir, 'build.log').text
assert new File(basedir, 'target/app.jar').isFile() : 'the shaded jar was not built'

def report = new JsonSlurper().parse(new File(basedir, 'target/lambda/compare.json'))

// The service file: shade kept the Apache client only (filter); layers read both clients' copies.
def http = report.services.find { it.service == 'software.amazon.awssdk.http.SdkHttpService' }
assert http != null : "no service-file change in ${report.services}"
assert http.oldProviders == ['software.amazon.awssdk.http.apache5.Apache5SdkHttpService']
assert http.added == ['software.amazon.awssdk.http.urlconnection.UrlConnectionSdkHttpService']
assert http.newCopies.size() == 2
assert report.summary.serviceFilesChanged >= 1

// Winner changes: jcl-over-slf4j's LogFactory won in the shaded jar, commons-logging's wins now.
def logFactory = report.classes.find { it.name == 'org/apache/commons/logging/LogFactory.class' }
assert logFactory != null : 'LogFactory should change its winning bytes'
assert logFactory.change == 'changed'
assert logFactory.old == '/var/task'
assert logFactory.new == '/opt/java/lib/commons-logging-commons-logging-1.2.jar'
assert logFactory.library == 'commons-logging:commons-logging'
assert report.summary.classesChanged > 0
def byLibrary = report.classesByLibrary.find { it.library == 'commons-logging:commons-logging' }
assert byLibrary.changed > 0

// What the plugin does on purpose: the runtime's own library is not in the zips.
def core = report.libraries.find { it.library == 'com.amazonaws:aws-lambda-java-core' }
assert core.change == 'onlyOld'
assert core.onPurpose.contains('left out on purpose')
// Its classes load from the runtime in both deployments: counted, not listed.
assert report.summary.classesOfTheLambdaRuntime > 0
assert !report.classes.any { it.name.startsWith('com/amazonaws/services/lambda/runtime/') }
// reactive-streams has no pom.properties: unnamed in the shaded jar, but there, so not "added".
assert !report.libraries.any { it.library == 'org.reactivestreams:reactive-streams' }
// Licence and notice files differ between every two jars: not listed.
assert !report.resources.any { it.name.startsWith('META-INF/LICENSE') || it.name.startsWith('META-INF/NOTICE') }
// The function's own classes are the same bytes in both.
assert !report.classes.any { it.name.startsWith('com/example/') }
// Same pom, same versions: no library at another version.
assert report.summary.librariesOtherVersion == 0
assert report.summary.librariesAdded == 0
assert report.summary.librariesRemoved == 1
assert report.summary.librariesRemovedOnPurpose == 1

// The log summary, and the warning that names the service file.
assert log1 =~ /Compared with target.app\.jar \(everything at \/var\/task\) the new zips/
assert log1.contains('[WARNING] Service file META-INF/services/software.amazon.awssdk.http.SdkHttpService')
// Build 3: pom.xml is no jar.
assert log1.contains('<compareWith> / -Dlambda.compare.with')
assert log1.contains('is not a zip or jar')
