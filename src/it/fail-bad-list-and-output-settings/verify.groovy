String log = new File(basedir, 'build.log').getText('UTF-8')
assert !log.contains('NullPointerException') : 'a bare NullPointerException'
assert log.contains('<layers><layer><includes><include>: entry 2 of 2 is empty')
assert log.contains('<runtimes> (-Dlambda.runtimes): entry 2 of 3 is empty')
assert log.contains('<allowedMissing> (-Dlambda.allowedMissing): entry 1 of')
assert log.contains("<architectures> (-Dlambda.architectures) 'x86_64': is listed more than once")
assert log.contains('<outputDirectory> (-Dlambda.outputDirectory) is /, the root of the file system')
assert log.contains('<runtimes> (-Dlambda.runtimes): the list is empty')
assert !new File('/build.json').exists() : 'build.json written into the file-system root'
File out = new File(basedir, 'target/lambda')
assert !out.exists() || !out.list().any { it.endsWith('.zip') || it == 'build.json' } : "zips written: ${out.list()}"
return true
