def first = new File(basedir, 'target/first/lambda-layers.lock.json')
def second = new File(basedir, 'lambda-layers.lock.json')
assert first.bytes == second.bytes
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('lambda-layers.lock.json is up to date')
return true
