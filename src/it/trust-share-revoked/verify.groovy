def server = System.getProperties().remove('fakeaws:' + basedir)
try {
  def log = new File(basedir, 'build.log').getText('UTF-8')
  // First run: granted.
  assert log.contains("Layer 'logging' eu-west-1 version 1: shared with 123456789012.")
  // Second run: the same version, no share declared: the grant is removed, with a warning.
  assert server.layerVersionCount('eu-west-1', 'logging') == 1
  assert log.contains("[WARNING] Layer 'logging' eu-west-1 version 1: removed the grant to 123456789012" +
      " (statement lambda-layer-account-123456789012), which is not among the declared shares")
  assert server.layerPolicySids('eu-west-1', 'logging', 1) == []
  assert server.callsByOperation()['RemoveLayerVersionPermission'] == 1
  // Third run: '*' without the opt-in is refused before any call, naming both settings.
  assert log.contains("<share> (-Dlambda.share) '*'")
  assert log.contains('would let every AWS account use the layer versions')
  assert log.contains('<sharePublicly> (-Dlambda.sharePublicly)')
  assert !server.callsByOperation().containsKey('AddLayerVersionPermission') ||
      server.callsByOperation()['AddLayerVersionPermission'] == 1
  // Fourth run: the dry run says how sharing converges.
  assert log.contains("Sharing: each version's policy (GetLayerVersionPolicy) must grant exactly [o-abcdefghij]")
  assert server.layerPolicySids('eu-west-1', 'logging', 1) == [] : 'a dry run changes nothing'
} finally {
  server?.close()
}
return true
