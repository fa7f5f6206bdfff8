def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('there is no lockfile at ')
assert log.contains('run mvn lambda:lock to create it from the current dependencies, then commit it')
assert !new File(basedir, 'lambda-layers.lock.json').exists()
return true
