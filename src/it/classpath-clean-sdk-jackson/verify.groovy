import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
assert log =~ /Class path \(java21\): \/var\/task and \d+ jars; \d+ classes reachable from com.example.Handler::handleRequest; 0 missing, 0 version conflicts, 0 warnings/
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
assert locations[1] == '/var/task/lib/com.amazonaws-aws-lambda-java-core-1.2.3.jar'
def opt = locations.findAll { it.startsWith('/opt/java/lib/') }
assert opt == opt.toSorted()
assert opt.contains('/opt/java/lib/software.amazon.awssdk-dynamodb-2.57.8.jar')
// aws-lambda-java-core is shadowed by the runtime's own copy: noted, not a warning.
assert report.shadowed.find { it.winner == 'the Lambda runtime' && !it.warning }
