def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[integrity] checksum mismatch for it.lambdalayer.integrity:tiny-lib:1.0: the lockfile records SHA-256 ')
assert log.contains('the same coordinates now carry other bytes (a swapped or re-published artifact)')
assert log.contains('An integrity failure or a missing lockfile fails the build even with <failOnDrift> (-Dlambda.audit.failOnDrift) false')
def junit = new File(basedir, 'target/lambda/audit-junit.xml').getText('UTF-8')
assert junit.contains('<failure type="integrity-error"')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lambda/audit.json'))
def layer = report.subjects.find { it.name == 'jackson' }
assert layer.checks.find { it.check == 'integrity' }.findings[0].severity == 'error'
assert !layer.checks.find { it.check == 'content' }.passed
return true
