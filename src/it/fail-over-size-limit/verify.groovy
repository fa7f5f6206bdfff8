String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Invalid Lambda configuration:')
// Settings are named as the user writes them, never by the core's internal ids.
assert !(log =~ /\b(LAYERS|LAYER_NAME|LAYER_INCLUDES|LAYER_EXCLUDES|RUNTIMES|ARCHITECTURES|RUNTIME_PROVIDED|OUTPUT_TIMESTAMP|DEPENDENCIES) '/)
long expected = 270_000_000L + new File(localRepositoryPath, 'org/apache/commons/commons-lang3/3.19.0/commons-lang3-3.19.0.jar').length()
String bytes = String.format(Locale.ROOT, '%,d', expected)
assert log.contains("the project's <dependencies> '${bytes} bytes unzipped': function and layers exceed Lambda's limit of 262,144,000 bytes unzipped. Fix: remove dependencies, deploy a container image instead, or leave out the libraries the runtime provides; see <runtimeProvided> (-Dlambda.runtimeProvided).")
File out = new File(basedir, 'target/lambda')
assert !out.exists() || !out.list().any { it.endsWith('.zip') || it == 'build.json' } : "zips written: ${out.list()}"
return true
