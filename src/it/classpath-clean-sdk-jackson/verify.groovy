import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log =~ /Class path \(java21\): \/var\/task and \d+ jars; [\d,]+ classes reachable from com.example.Handler::handleRequest; 0 missing, 0 version conflicts, 0 warnings/
assert !log.contains('[WARNING] Class path')
assert log.contains('BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/lambda/classpath.json'))
assert report.errors == 0
assert report.warnings == 0
assert report.missing == []
assert report.versionConflicts == []
assert report.reachableClasses > 500 : 'the walk should reach deep into the SDK'
// Lambda's order: /var/task, then its lib/, then the layers' jars by file name.
def locations = report.classPath*.location
assert locations[0] == '/var/task'
// aws-lambda-java-core is runtime-provided by default: no zip carries a copy the runtime would shadow.
assert !locations.any { it.contains('aws-lambda-java-core') }
assert !report.shadowed.any { it.winner == 'the Lambda runtime' }
def build = new JsonSlurper().parse(new File(basedir, 'target/lambda/build.json'))
assert build.runtimeProvided*.artifactId == ['aws-lambda-java-core']
def opt = locations.findAll { it.startsWith('/opt/java/lib/') }
assert opt == opt.toSorted()
assert opt.contains('/opt/java/lib/software.amazon.awssdk-dynamodb-2.57.8.jar')
