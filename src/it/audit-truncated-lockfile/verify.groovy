def log = new File(basedir, 'build.log').getText('UTF-8')
def file = new File(basedir, 'lambda-layers.lock.json').canonicalFile
def expected = 'The lockfile ' + file + ' cannot be used: line 15, column 17: is not valid JSON: the' +
    ' string starting here is not closed before the end of the file (is it truncated?).'
assert log.count(expected) >= 2 : 'both goals name the file and the place'
assert log.contains('delete it and run mvn lambda:lock to write it again')
assert log =~ /lockfile +ERROR +The lockfile /  // the audit still reports the failed check
def junit = new File(basedir, 'target/lambda/audit-junit.xml').getText('UTF-8')
assert junit.contains('<testcase classname="lambda.lockfile.lambda-layers.lock.json" name="lockfile"')
assert file.bytes == new File(basedir, 'expected-lockfile.txt').bytes : 'never overwritten'
return true
