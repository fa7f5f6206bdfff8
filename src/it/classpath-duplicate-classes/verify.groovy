import groovy.json.JsonSlurper

String log = new File(basedir, 'build.log').text
String winner = '/opt/java/lib/commons-logging-commons-logging-1.2.jar (layer classpath-duplicate-classes)'
String loser = '/opt/java/lib/org.slf4j-jcl-over-slf4j-2.0.17.jar (layer classpath-duplicate-classes)'
// Lambda sorts /opt/java/lib by file name: commons-logging-... comes before org.slf4j-...
assert log =~ /\[WARNING\] Class path: \d+ classes in ${java.util.regex.Pattern.quote(winner)} shadow the copies in ${java.util.regex.Pattern.quote(loser)}/
assert log.contains('BUILD SUCCESS')

def report = new JsonSlurper().parse(new File(basedir, 'target/lambda/classpath.json'))
assert report.errors == 0
assert report.warnings == 1
def group = report.shadowed.find { it.warning }
assert group.winner == winner
assert group.shadowed*.location == ['/opt/java/lib/org.slf4j-jcl-over-slf4j-2.0.17.jar']
assert group.classes.contains('org.apache.commons.logging.LogFactory')
assert group.classes.contains('org.apache.commons.logging.impl.SimpleLog')
