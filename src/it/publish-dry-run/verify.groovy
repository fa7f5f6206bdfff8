def server = System.getProperties().remove('fakeaws:' + basedir)
try {
  assert server.calls() == 0 : "a dry run called AWS: ${server.requestLog()}"
} finally {
  server?.close()
}
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Dry run (-Dlambda.dryRun): nothing is called')
assert log =~ /Layer 'jackson' eu-west-1 sha256 [0-9a-f]{12}: reuse a version whose Description carries sha256:[0-9a-f]{64} meta:[0-9a-f]{8}; else upload jackson-[0-9a-f]{12}\.zip \([0-9,]+ bytes\) inline and PublishLayerVersion \(runtimes \[java21\], architectures \[x86_64\]/
assert log.contains("Function 'hello' eu-west-1: UpdateFunctionCode with publish-dry-run-function.zip")
assert !new File(basedir, 'lambda-layers.lock.json').exists() : 'a dry run writes no lockfile'
return true
