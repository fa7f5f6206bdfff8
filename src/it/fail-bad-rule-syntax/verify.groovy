String log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Invalid Lambda configuration:')
// Settings are named as the user writes them, never by the core's internal ids.
assert !(log =~ /\b(LAYERS|LAYER_NAME|LAYER_INCLUDES|LAYER_EXCLUDES|RUNTIMES|ARCHITECTURES|RUNTIME_PROVIDED|OUTPUT_TIMESTAMP|DEPENDENCIES) '/)
assert log.contains("<layers><layer><includes><include> 'com.example': is not a pattern of the form groupId:artifactId[:version]. Fix: write for example 'com.fasterxml.jackson.*:*'")
assert log.contains('[ERROR] Failed to execute goal')
File out = new File(basedir, 'target/lambda')
assert !out.exists() || !out.list().any { it.endsWith('.zip') || it == 'build.json' } : "zips written: ${out.list()}"
return true
