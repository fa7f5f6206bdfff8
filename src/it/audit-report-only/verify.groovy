def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[WARNING] 1 of 6 Lambda audit checks failed against lambda-layers.lock.json')
assert log.contains('DRIFT  org.slf4j:slf4j-api:2.0.17 was removed')
assert log.contains('BUILD SUCCESS')
assert !log.contains('BUILD FAILURE')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lambda/audit.json'))
assert report.clean == false && report.failedChecks == 1
def junit = new File(basedir, 'target/lambda/audit-junit.xml').getText('UTF-8')
assert junit.contains('tests="6" failures="1"')
return true
