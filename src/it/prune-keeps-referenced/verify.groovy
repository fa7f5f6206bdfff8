import groovy.json.JsonSlurper

def server = System.getProperties().remove('fakeaws:' + basedir)
try {
  def log = new File(basedir, 'build.log').getText('UTF-8')

  // The dry run: the plan, nothing deleted (the apply run still found 1, 6 and 7 to delete).
  assert log.contains('(dry run: nothing is deleted)')
  assert log.contains('delete deps eu-west-1 version 7 (7,000 bytes): not among the newest 3, not locked, not referenced [dry run]')
  assert log.contains('Dry run: would delete 3 layer versions, 14,000 bytes; would keep 7.')

  // Why each kept version is kept.
  assert log.contains('keep   deps eu-west-1 version 10: one of the newest 3')
  assert log.contains('keep   deps eu-west-1 version 5: used by function \'hello\' $LATEST')
  assert log.contains('keep   deps eu-west-1 version 4: used by alias \'live\' of function \'hello\' (version 2)')
  assert log.contains('keep   deps eu-west-1 version 3: used by alias \'live\' of function \'hello\' (version 1)')
  assert log.contains('keep   deps eu-west-1 version 2: recorded in the lockfile')

  // The apply run deleted exactly the unreferenced old versions.
  ['1 (1,000', '6 (6,000', '7 (7,000'].each { v ->
    assert log.contains("delete deps eu-west-1 version ${v} bytes): not among the newest 3, not locked, not referenced [deleted]")
  }
  assert log.contains('Deleted 3 layer versions, 14,000 bytes freed; kept 7.')
  assert server.layerVersionNumbers('eu-west-1', 'deps') == [2L, 3L, 4L, 5L, 8L, 9L, 10L]
  assert server.callsByOperation()['DeleteLayerVersion'] == 3

  def report = new JsonSlurper().parse(new File(basedir, 'target/lambda/prune.json'))
  assert report.apply == true && report.keep == 3
  assert report.deleted == 3 && report.kept == 7 && report.bytesFreed == 14000
  assert report.versions.findAll { it.action == 'deleted' }*.version == [7, 6, 1]
  assert report.versions.find { it.version == 3 }.why.contains("alias 'live'")

  // Offline, it refuses before calling anything.
  assert log.contains('lambda:prune needs the network to reach AWS (a dry run lists the layer versions too), but Maven runs offline (-o)')

  // A negative <keep>: the core's violation, named as the user writes it, before any AWS call.
  assert log.contains("<keep> (-Dlambda.prune.keep) '-1': cannot keep a negative number of versions. Fix: set 0 or more (the default is 3).")
  assert !log.contains('keeping the newest -1')
} finally {
  server?.close()
}
return true
