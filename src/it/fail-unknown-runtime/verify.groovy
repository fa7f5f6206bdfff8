String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Invalid Lambda configuration:')
// Settings are named as the user writes them, never by the core's internal ids.
assert !(log =~ /\b(LAYERS|LAYER_NAME|LAYER_INCLUDES|LAYER_EXCLUDES|RUNTIMES|ARCHITECTURES|RUNTIME_PROVIDED|OUTPUT_TIMESTAMP|DEPENDENCIES) '/)
// Every id of the runtime table, Amazon Linux 2023 ones included.
assert log.contains("<runtimes> (-Dlambda.runtimes) 'java99': is not a Lambda Java runtime id. Fix: use one or more of java25, java21, java17.al2023, java11.al2023, java8.al2023, java17, java11, java8.al2.")
// An id of a known Java release names that release's runtimes first.
assert log.contains("<runtimes> (-Dlambda.runtimes) 'java8': is not a Lambda Java runtime id. Fix: Java 8 runs on java8.al2023, java8.al2; use one or more of java25,")
assert !log.contains("'java21': is not") : 'a valid runtime was rejected'
File out = new File(basedir, 'target/lambda')
assert !out.exists() || !out.list().any { it.endsWith('.zip') || it == 'build.json' } : "zips written: ${out.list()}"
return true
