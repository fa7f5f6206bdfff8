def server = System.getProperties().remove('fakeaws:' + basedir)
try {
  def log = new File(basedir, 'build.log').text
  def prodLayer = 'arn:aws:lambda:us-east-1:123456789012:layer:jackson:1'
  assert log.contains('lambda:promote refused')
  assert log.contains("layer 'jackson' in us-east-1 (${prodLayer}) holds CodeSha256")
  assert log.contains("but environment 'staging'")
  assert log.contains("The target's function was not changed.")
  // Layer versions may have been published: the heading does not claim nothing was deployed.
  assert log.contains("lambda:promote refused; the target's function was not changed (layer versions may have been published in the target):")
  assert !log.contains('nothing was deployed')
  assert log.contains('delete it in the target')
  assert !log.contains('and publish again')
  // Prod's function was never pointed at the layer: no layers, no published version.
  assert server.functionLayers('us-east-1', 'hello-prod') == []
  assert server.functionVersionCount('us-east-1', 'hello-prod') == 0
  assert !log.contains('itSecretKeyNeverToBeLogged')
} finally {
  server?.close()
}
return true
