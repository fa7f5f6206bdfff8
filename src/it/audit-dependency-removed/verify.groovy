def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('org.slf4j:slf4j-api:2.0.17 was removed (it is locked, but no longer resolved)')
assert log.contains('Lambda audit checks failed against lambda-layers.lock.json')
assert log.contains('run mvn lambda:lock and commit lambda-layers.lock.json')
// The rules put only Jackson into a layer, so slf4j-api was one of the function's libraries.
assert log.contains('function audit-dependency-removed [dependencies] org.slf4j:slf4j-api:2.0.17 was removed')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lambda/audit.json'))
assert report.clean == false
def function = report.subjects.find { it.kind == 'function' }
def deps = function.checks.find { it.check == 'dependencies' }
assert !deps.passed
assert deps.findings[0].severity == 'drift'
def junit = new File(basedir, 'target/lambda/audit-junit.xml').getText('UTF-8')
assert junit.contains('<failure type="dependencies-drift" message="org.slf4j:slf4j-api:2.0.17 was removed')
return true
