String log = new File(basedir, 'build.log').text
File jar = new File(localRepositoryPath, 'it/broken/truncated/1.0/truncated-1.0.jar')

// Both lambda:layer (in package) and lambda:lock name the broken file and the fix.
String message = "The jar of it.broken:truncated:1.0 is broken: ${jar.canonicalFile} is not a readable zip"
def failures = log.readLines().findAll { it.startsWith('[ERROR] Failed to execute goal') }
assert failures.size() == 2 : failures
assert failures[0].contains(':layer (default)') && failures[0].contains(message) : failures[0]
assert failures[1].contains(':lock (default-cli)') && failures[1].contains(message) : failures[1]
assert log.contains("Fix: delete the folder ${jar.canonicalFile.parentFile} and build again online")

// Nothing was written under a final name: no zip, no build.json, no lockfile.
File out = new File(basedir, 'target/lambda')
def zips = out.isDirectory() ? out.listFiles().findAll { it.name.endsWith('.zip') } : []
assert zips.isEmpty() : "zips written from a broken jar: $zips"
assert !new File(out, 'build.json').exists()
assert !new File(basedir, 'lambda-layers.lock.json').exists()
assert !new File(basedir, 'lambda.lock').exists()
return true
