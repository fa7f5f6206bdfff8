import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def warning = '[WARNING] Runtime java17 (Amazon Linux 2) is deprecated on 2027-06-30; use' +
    ' java17.al2023 (Java 17 on Amazon Linux 2023)'
// By lambda:layer and lambda:audit of the first build (not by lambda:layer on 2026-12-29), and by
// the publish dry run.
assert log.count(warning) == 3 : log.readLines().findAll { it.contains('[WARNING]') }
assert log.contains('Dry run (-Dlambda.dryRun): nothing is called')
assert !log.contains('Runtime java17.al2023') : 'the Amazon Linux 2023 runtime has no date to warn of'
assert !log.contains('is not a Lambda Java runtime id')

def build = new JsonSlurper().parse(new File(basedir, 'target/lambda/build.json'))
assert build.runtimes == ['java17.al2023', 'java17']
def lock = new JsonSlurper().parse(new File(basedir, 'lambda-layers.lock.json'))
assert lock.layers*.runtimes == [['java17.al2023', 'java17']]
// The class-path check takes the JDK classes of Java 17 from the shipped list for either id.
def classpath = new JsonSlurper().parse(new File(basedir, 'target/lambda/classpath.json'))
assert classpath.runtime == 'java17.al2023'
assert classpath.jdkClasses == 'JDK classes of Java 17'

assert log.contains("<runtimeCheckDate> (-Dlambda.runtimeCheckDate) '15.01.2027': is not a date of the form yyyy-MM-dd. Fix: write it like 2027-01-15, or leave it out to check against today's date.")
return true
